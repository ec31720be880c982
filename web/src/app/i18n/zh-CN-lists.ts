/** Chinese strings of list totals (see components/list-total.ts). */
export const zhCNLists = {
  'list.totalEstimated': '约 {total}',
} as const;

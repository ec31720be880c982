/** Chinese strings of list totals (see features/directory/components/list-total.ts). */
export const zhCNLists = {
  'list.totalEstimated': '约 {total}',
} as const;

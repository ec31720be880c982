import type { zhCNLists } from './zh-CN-lists';

/** English strings of list totals; typed against the Chinese so that a missing key fails the type check. */
export const enLists: Record<keyof typeof zhCNLists, string> = {
  'list.totalEstimated': 'about {total}',
};

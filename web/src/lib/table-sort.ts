import type { SorterResult, SortOrder } from 'antd/es/table/interface';

/** The antd sort order a column shows for a `name` / `-name` style sort parameter. */
export function sortOrderOf(sort: string, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** The sort parameter for what the user clicked; back to `fallback` when a column is unsorted. */
export function sortFromSorter<T>(sorter: SorterResult<T> | SorterResult<T>[], fallback: string): string {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!single?.order || !single.columnKey) return fallback;
  const field = String(single.columnKey);
  return single.order === 'descend' ? `-${field}` : field;
}

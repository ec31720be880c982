import { Empty, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n';
import { QueryError } from '../../../components/query-error';
import { listTotalLabel } from './list-total';

interface ListQuery<T> {
  data?: { items: T[]; total: number; totalEstimated?: boolean };
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/** A directory list: server-side paging (and sorting, via onChange), an empty state, or the query's error with a retry. */
export function ListTable<T extends { id: string }>({
  list,
  columns,
  page,
  pageSize,
  onChange,
  emptyText,
  totalText,
  scrollX,
}: {
  list: ListQuery<T>;
  columns: TableProps<T>['columns'];
  page: number;
  pageSize: number;
  onChange: TableProps<T>['onChange'];
  emptyText: ReactNode;
  /** the total as a label: a number, or 约 … when the server estimated it (see list-total.ts) */
  totalText: (total: string) => ReactNode;
  scrollX: number;
}) {
  const t = useT();
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      onChange={onChange}
      showSorterTooltip={false}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      pagination={{
        current: page,
        pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        showQuickJumper: true,
        showTotal: (total) => totalText(listTotalLabel(total, list.data?.totalEstimated, t)),
      }}
      scroll={{ x: scrollX }}
    />
  );
}

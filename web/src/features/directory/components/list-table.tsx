import { Empty, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { QueryError } from '../../../components/query-error';

interface ListQuery<T> {
  data?: { items: T[]; total: number };
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
  totalText: (total: number) => ReactNode;
  scrollX: number;
}) {
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
        showTotal: totalText,
      }}
      scroll={{ x: scrollX }}
    />
  );
}

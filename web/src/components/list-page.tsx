import { DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Grid, Input, Popconfirm, Table, type TableProps } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useT } from '../app/i18n';
import { errorMessage } from '../lib/error-message';
import { sortFromSorter, sortOrderOf } from '../lib/table-sort';
import { usePageParams } from '../lib/use-page-params';
import { PageHeader } from './page-header';
import { listTotalLabel } from './list-total';
import { QueryError } from './query-error';

export const defaultPageSize = 20;

/**
 * The URL state of a list page: paging, the sort (`name` / `-name`) and the named filters.
 * `filterKeys` are the parameters the reset link clears and that make the list "filtered".
 */
export function useListParams<S extends string = string>({
  filterKeys,
  sorts,
  defaultSort,
}: {
  filterKeys: readonly string[];
  sorts?: readonly S[];
  defaultSort?: S;
}) {
  const { page, pageSize, get, update } = usePageParams({ pageSize: defaultPageSize });
  const rawSort = get('sort');
  const sort = sorts?.find((known) => known === rawSort) ?? defaultSort;
  const active = filterKeys.some((key) => Boolean(get(key)));

  const reset = useCallback(() => update(Object.fromEntries(filterKeys.map((key) => [key, undefined]))), [update, filterKeys]);

  /** The antd Table's onChange: a click on a sortable header sets `sort`, the pager sets page and size. */
  const onTableChange = useCallback(
    (pagination: { current?: number; pageSize?: number }, _filters: unknown, sorter: unknown, extra: { action: string }) => {
      if (extra.action === 'sort' && defaultSort !== undefined) {
        const next = sortFromSorter(sorter as Parameters<typeof sortFromSorter>[0], defaultSort);
        update({ sort: next === defaultSort ? undefined : next });
        return;
      }
      update({
        page: pagination.current,
        pageSize: pagination.pageSize === defaultPageSize ? undefined : pagination.pageSize,
      });
    },
    [update, defaultSort],
  );

  /** Column props for a server-sorted column: `{ ...sortable('name') }`. */
  const sortable = useCallback(
    (field: string) => ({ sorter: true, sortOrder: sortOrderOf(sort ?? '', field) }),
    [sort],
  );

  return { page, pageSize, get, update, sort, active, reset, onTableChange, sortable };
}

export type ListParams = Pick<
  ReturnType<typeof useListParams>,
  'page' | 'pageSize' | 'get' | 'update' | 'active' | 'reset' | 'onTableChange'
>;

/** The filter row above a list: a search box, the filters, and a reset when anything is set. */
export function ListFilters({
  q,
  placeholder,
  label,
  onSearch,
  active,
  onReset,
  children,
}: {
  q: string | undefined;
  placeholder: string;
  /** the search box's name for screen readers, when the placeholder is not it */
  label?: string;
  onSearch: (q: string) => void;
  active: boolean;
  onReset: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Flex wrap gap={12} className="tx-list-filters" role="search">
      <Input.Search
        key={q ?? ''}
        defaultValue={q}
        placeholder={placeholder}
        aria-label={label ?? placeholder}
        enterButton={t('common.search')}
        allowClear
        onSearch={(value) => onSearch(value.trim())}
        style={{ width: 320, maxWidth: '100%' }}
      />
      {children}
      {active ? (
        <Button type="link" onClick={onReset}>
          {t('common.resetFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** What a row's 操作 column offers; each is left out when not given (e.g. for readers). */
export interface RowActions<T> {
  onEdit?: (row: T) => void;
  remove?: {
    confirm: (row: T) => string;
    hint?: (row: T) => string | undefined;
    run: (row: T) => Promise<unknown>;
    done: (row: T) => string;
  };
  /** further buttons after 编辑 / 删除 (e.g. 解锁, 停用); `compact` is true on a phone */
  more?: (row: T, compact: boolean) => ReactNode;
  /** the column's width on a wide screen when `more` needs room */
  width?: number;
}

function useRowActionColumn<T extends { id: string | number }>(actions: RowActions<T> | undefined) {
  const t = useT();
  const { message } = App.useApp();
  // on a phone the buttons keep only their icons (and their names for screen readers and as tooltips)
  const compact = Grid.useBreakpoint().md === false;
  return useMemo((): NonNullable<TableProps<T>['columns']>[number] | undefined => {
    if (!actions || (!actions.onEdit && !actions.remove && !actions.more)) return undefined;
    const { onEdit, remove, more } = actions;
    const label = (text: string) => (compact ? { 'aria-label': text, title: text } : { children: text });
    return {
      key: 'actions',
      title: t('list.rowActions'),
      width: compact ? (more ? undefined : 76) : (actions.width ?? 140),
      fixed: 'right',
      render: (_: unknown, row: T) => (
        <Flex gap={0} wrap={false}>
          {onEdit ? (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(row)} {...label(t('common.edit'))} />
          ) : null}
          {remove ? (
            <Popconfirm
              title={remove.confirm(row)}
              description={remove.hint?.(row)}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.run(row).then(
                  () => void message.success(remove.done(row)),
                  (error: unknown) => void message.error(errorMessage(error, t)),
                )
              }
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} {...label(t('common.delete'))} />
            </Popconfirm>
          ) : null}
          {more?.(row, compact)}
        </Flex>
      ),
    };
  }, [actions, compact, message, t]);
}

interface ListQuery<T> {
  data?: { items: T[]; total: number; totalEstimated?: boolean };
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/** A list: server-side paging and sorting, an empty state, a row action column, or the query's error with a retry. */
export function ListTable<T extends { id: string | number }>({
  list,
  params,
  columns,
  rowActions,
  emptyText,
  totalText,
  scrollX,
  expandable,
}: {
  list: ListQuery<T>;
  params: Pick<ListParams, 'page' | 'pageSize' | 'onTableChange'>;
  columns: NonNullable<TableProps<T>['columns']>;
  rowActions?: RowActions<T>;
  emptyText: ReactNode;
  /** the total as a label: a number, or 约 … when the server estimated it (list-total.ts) */
  totalText: (total: string) => ReactNode;
  scrollX: number;
  expandable?: TableProps<T>['expandable'];
}) {
  const t = useT();
  const actionColumn = useRowActionColumn(rowActions);
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      columns={actionColumn ? [...columns, actionColumn] : columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      onChange={params.onTableChange}
      showSorterTooltip={false}
      expandable={expandable}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        showQuickJumper: true,
        showTotal: (total) => totalText(listTotalLabel(total, list.data?.totalEstimated, t)),
        responsive: true,
      }}
      scroll={{ x: scrollX }}
    />
  );
}

/** 导入 / 导出 / 新建 above a list, each only when given. */
export function ListActions({
  onImport,
  importLabel,
  exportMenu,
  onCreate,
  createLabel,
}: {
  onImport?: () => void;
  importLabel?: string;
  exportMenu?: ReactNode;
  onCreate?: () => void;
  createLabel?: string;
}) {
  const t = useT();
  return (
    <>
      {onImport ? (
        <Button icon={<ImportOutlined />} onClick={onImport}>
          {importLabel ?? t('import.button')}
        </Button>
      ) : null}
      {exportMenu}
      {onCreate ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
          {createLabel}
        </Button>
      ) : null}
    </>
  );
}

/**
 * One list page: title and actions, a card holding the filter bar and the table (or `alternate`, e.g. a tree view),
 * and whatever the page opens over it (`children`: drawers, modals).
 */
export function ListPage<T extends { id: string | number }>({
  title,
  subtitle,
  actions,
  params,
  search,
  filters,
  above,
  alternate,
  children,
  ...table
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  params: ListParams;
  search: { placeholder: string; label?: string };
  filters?: ReactNode;
  /** above the filter bar, inside the card (a view switch) */
  above?: ReactNode;
  /** shown instead of the filters and the table */
  alternate?: ReactNode;
  children?: ReactNode;
  list: ListQuery<T>;
  columns: NonNullable<TableProps<T>['columns']>;
  rowActions?: RowActions<T>;
  emptyText: { empty: ReactNode; filtered: ReactNode };
  /** the total as a label: a number, or 约 … when the server estimated it (list-total.ts) */
  totalText: (total: string) => ReactNode;
  scrollX: number;
  expandable?: TableProps<T>['expandable'];
}) {
  const q = params.get('q');
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} extra={actions} />
      <Card variant="borderless" className="tx-list-card">
        {above}
        {alternate ?? (
          <>
            <ListFilters
              q={q}
              placeholder={search.placeholder}
              label={search.label}
              onSearch={(value) => params.update({ q: value })}
              active={params.active}
              onReset={params.reset}
            >
              {filters}
            </ListFilters>
            <ListTable<T>
              {...table}
              params={params}
              emptyText={params.active ? table.emptyText.filtered : table.emptyText.empty}
            />
          </>
        )}
      </Card>
      {children}
    </>
  );
}

/**
 * 编辑 from a list row: the drawer wants the whole record, so the row's id is loaded first with the page's
 * own detail hook (`useRecord`, called here on every render like any hook). A failed load is said as a message.
 */
export function useRowEditing<T extends { id: string }>(
  useRecord: (id: string | undefined) => { data?: T; isError: boolean; error: unknown },
) {
  const t = useT();
  const { message } = App.useApp();
  const [id, setId] = useState<string>();
  const query = useRecord(id);
  const failed = id !== undefined && query.isError;
  useEffect(() => {
    if (!failed) return;
    void message.error(errorMessage(query.error, t));
    setId(undefined);
  }, [failed, message, query.error, t]);
  return {
    start: (row: { id: string }) => setId(row.id),
    record: id !== undefined && query.data?.id === id ? query.data : undefined,
    close: () => setId(undefined),
  };
}

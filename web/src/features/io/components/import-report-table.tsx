import { Table, Typography, type TableProps } from 'antd';
import { useT } from '../../../app/i18n';
import type { ImportRowError } from '../api';

/** 行 / 列 / 问题: every problem of an uploaded file, as numbered in the spreadsheet. */
export function ImportReportTable({ errors, errorCount }: { errors: readonly ImportRowError[]; errorCount?: number }) {
  const t = useT();
  const more = errorCount !== undefined && errorCount > errors.length ? errorCount - errors.length : 0;
  const rows = [...errors].sort((a, b) => a.row - b.row).map((error, index) => ({ ...error, key: index }));
  const columns: TableProps<(typeof rows)[number]>['columns'] = [
    {
      key: 'row',
      dataIndex: 'row',
      title: t('import.row'),
      width: 110,
      render: (row: number) => t('import.rowN', { row }),
    },
    {
      key: 'column',
      dataIndex: 'column',
      title: t('import.column'),
      width: 180,
      render: (column: string | null) => column || '—',
    },
    {
      key: 'message',
      dataIndex: 'message',
      title: t('import.problem'),
      render: (text: string) => <Typography.Text type="danger">{text}</Typography.Text>,
    },
  ];
  return (
    <>
      <Table
        data-testid="import-report"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      />
      {more > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('import.moreErrors', { count: more })}
        </Typography.Text>
      ) : null}
    </>
  );
}

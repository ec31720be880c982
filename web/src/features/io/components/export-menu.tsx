import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import type { QueryValue } from '../../../lib/api';
import { errorMessage } from '../../../lib/error-message';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { downloadExport, type ExportFormat, type IoKind } from '../api';

/**
 * 导出: the list as it is filtered now, as Excel or CSV. For people, administrators and coordinators
 * may include full contact details after confirming (the export is audit-logged).
 */
export function ExportMenu({
  kind,
  filters,
  unmaskable = false,
}: {
  kind: IoKind;
  filters: Record<string, QueryValue>;
  unmaskable?: boolean;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const canUnmask = useCanEditDirectory() && unmaskable;
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportFormat, unmasked: boolean) => {
    setBusy(true);
    try {
      const name = await downloadExport(kind, format, filters, unmasked);
      void message.success(t('export.done', { name }));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const confirmUnmasked = (format: ExportFormat) => {
    modal.confirm({
      title: t('export.unmaskedConfirmTitle'),
      content: t('export.unmaskedConfirmText'),
      okText: t('export.unmaskedConfirmOk'),
      cancelText: t('common.cancel'),
      onOk: () => run(format, true),
    });
  };

  const items: MenuProps['items'] = [
    { key: 'xlsx', label: t('export.xlsx') },
    { key: 'csv', label: t('export.csv') },
    ...(canUnmask
      ? [
          { type: 'divider' as const },
          { key: 'xlsx-unmasked', label: t('export.unmaskedXlsx') },
          { key: 'csv-unmasked', label: t('export.unmaskedCsv') },
        ]
      : []),
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    const format: ExportFormat = key.startsWith('csv') ? 'csv' : 'xlsx';
    if (key.endsWith('-unmasked')) confirmUnmasked(format);
    else void run(format, false);
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy}>
        {t('export.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}

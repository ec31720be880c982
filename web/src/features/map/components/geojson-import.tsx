import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Modal, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportReport } from '../../../../../common/schemas/map';
import { useT } from '../../../app/i18n';
import { api, isApiError } from '../../../lib/api';

/** Import a GeoJSON FeatureCollection (points → places, polygons → areas, lines → routes) and show the report per feature. */
export function GeojsonImport() {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [report, setReport] = useState<ImportReport>();
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    setBusy(true);
    try {
      let geojson: unknown;
      try {
        geojson = JSON.parse(await file.text());
      } catch {
        message.error(t('map.importNotJson'));
        return;
      }
      setReport(await api.post<ImportReport>('/api/map/import', { geojson, dryRun }));
      await client.invalidateQueries({ queryKey: ['map'] });
    } catch (error) {
      message.error(isApiError(error) ? (error.fields[0]?.message ?? error.message) : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Upload accept=".geojson,.json,application/geo+json,application/json" showUploadList={false} beforeUpload={(file) => (void send(file), false)}>
        <Button icon={<UploadOutlined />} loading={busy}>
          {t('map.importGeojson')}
        </Button>
      </Upload>
      <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
        {t('map.importCheckOnly')}
      </Checkbox>
      <Modal open={Boolean(report)} onCancel={() => setReport(undefined)} footer={null} title={t('map.importReport')} width={720}>
        {report && (
          <>
            <Typography.Paragraph>{t('map.importSummary', { total: report.total, created: report.created, rejected: report.rejected })}</Typography.Paragraph>
            <Table
              rowKey="index"
              size="small"
              scroll={{ x: 'max-content' }}
              dataSource={report.features}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                { title: '#', dataIndex: 'index', width: 50 },
                { title: t('map.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
                {
                  title: t('map.importStatus'),
                  dataIndex: 'status',
                  render: (s: string) => <Tag color={s === 'rejected' ? 'red' : 'green'}>{t(s === 'rejected' ? 'map.importRejected' : s === 'valid' ? 'map.importValid' : 'map.importCreated')}</Tag>,
                },
                { title: t('map.importMessage'), dataIndex: 'message', render: (v: string | null) => v ?? '' },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}

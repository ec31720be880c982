import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { shanghaiDateTime } from '../../../../../common/shanghai-date';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { useCreateReport, useReports } from '../api';
import { BatchImport } from '../components/batch-import';

/** Paste a report or upload its file; the report is kept and opened for review. Earlier reports below. */
export function ReportsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [page, setPage] = useState(1);
  const reports = useReports(page);
  const create = useCreateReport();
  const open = (input: { text: string } | { file: File }) =>
    create.mutate(input, { onSuccess: (r) => void navigate(`/reports/${r.id}`), onError: (e) => void message.error(errorMessage(e, t)) });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('report.title')}
      </Typography.Title>
      <Card variant="borderless">
        <Typography.Paragraph type="secondary">{t('report.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => open({ text: v.text })}>
          <Form.Item name="text" label={t('report.paste')} rules={[{ required: true, whitespace: true, message: t('report.pasteRequired') }]}>
            <Input.TextArea rows={10} placeholder={t('report.pastePlaceholder')} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('report.extract')}
            </Button>
            <Upload
              accept=".txt,.html,.htm,.docx"
              showUploadList={false}
              beforeUpload={(file) => {
                open({ file });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} disabled={create.isPending}>
                {t('report.upload')}
              </Button>
            </Upload>
          </Space>
        </Form>
      </Card>
      <Card variant="borderless">
        <BatchImport />
      </Card>
      <Card variant="borderless" title={t('report.list')}>
        <List
          loading={reports.isLoading}
          locale={{ emptyText: t('report.empty') }}
          dataSource={reports.data?.items ?? []}
          pagination={reports.data && reports.data.total > 20 ? { current: page, pageSize: 20, total: reports.data.total, onChange: setPage, showSizeChanger: false } : false}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/reports/${r.id}`}>{r.title ?? r.fileName ?? t('report.untitled')}</Link>}
                description={`${t('report.createdAt')} ${shanghaiDateTime(r.createdAt)}`}
              />
              <Tag color={r.status === 'confirmed' ? 'green' : 'gold'}>{t(`report.status.${r.status}`)}</Tag>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

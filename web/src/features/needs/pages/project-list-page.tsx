import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { NeedCategory, NeedStatus } from '../../../../../common/need-workflow';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { api } from '../../../lib/api';
import { districtOptions } from '../../../lib/districts';
import { errorMessage } from '../../../lib/error-message';
import { useNeedLabels } from '../labels';
import './project-list-page.css';

interface ProjectList {
  generatedOn: string;
  groups: { category: NeedCategory; needs: { id: string; title: string; organizationName: string; districtName: string | null; status: NeedStatus; resolveBy: string | null; providers: string[] }[] }[];
}

/** 服务项目清单: the open needs of a district and period by category with their matched providers; print it or export XLSX. */
export function ProjectListPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const labels = useNeedLabels();
  const [districtCode, setDistrictCode] = useState<string>();
  const [category, setCategory] = useState<NeedCategory>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = {
    ...(districtCode ? { districtCode } : {}),
    ...(category ? { category } : {}),
    ...(period?.[0] ? { from: period[0].format('YYYY-MM-DD') } : {}),
    ...(period?.[1] ? { to: period[1].format('YYYY-MM-DD') } : {}),
  };
  const list = useQuery({ queryKey: ['needs', 'project-list', query], queryFn: ({ signal }) => api.get<ProjectList>('/api/needs/project-list', { query, signal }) });

  return (
    <>
      <PageHeader
        title={t('needs.projects.title')}
        subtitle={t('needs.projects.subtitle', { date: list.data?.generatedOn ?? '' })}
        extra={
          <Space wrap className="tx-no-print">
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('needs.projects.print')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void api.download('/api/needs/project-list.xlsx', { query, fileName: 'service-projects.xlsx' }).catch((e: unknown) => void message.error(errorMessage(e, t)))}
            >
              {t('needs.projects.export')}
            </Button>
          </Space>
        }
      />
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }} className="tx-no-print">
          <Select allowClear style={{ width: 160 }} placeholder={t('needs.projects.district')} options={districtOptions(locale)} value={districtCode} onChange={setDistrictCode} />
          <Select allowClear style={{ width: 160 }} placeholder={t('needs.projects.category')} options={labels.categoryOptions} value={category} onChange={setCategory} />
          <DatePicker.RangePicker allowEmpty={[true, true]} value={period} onChange={(v) => setPeriod(v)} placeholder={[t('needs.projects.from'), t('needs.projects.to')]} />
        </Space>
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.groups.length === 0 ? <Empty description={t('needs.projects.empty')} /> : null}
        {list.data?.groups.map((g) => (
          <div key={g.category} style={{ marginBottom: 24, breakInside: 'avoid' }}>
            <Typography.Title level={5}>
              {labels.category(g.category)}（{g.needs.length}）
            </Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 640 }}
              dataSource={g.needs}
              columns={[
                { title: t('needs.projects.need'), dataIndex: 'title', render: (v: string, r) => <Link to={`/needs/${r.id}`}>{v}</Link> },
                { title: t('needs.projects.enterprise'), dataIndex: 'organizationName' },
                { title: t('needs.projects.district'), dataIndex: 'districtName' },
                { title: t('needs.projects.status'), dataIndex: 'status', render: (s: NeedStatus) => labels.status(s) },
                { title: t('needs.projects.resolveBy'), dataIndex: 'resolveBy' },
                { title: t('needs.projects.providers'), dataIndex: 'providers', render: (p: string[]) => p.join('、') || '—' },
              ]}
            />
          </div>
        ))}
      </Card>
    </>
  );
}

import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { useSources } from '../api';

/** 来源: the reports a record was created from or mentioned in, each with its quote. Nothing when there are none. */
export function ReportSources({ entityType, entityId }: { entityType: 'event' | 'organization' | 'person'; entityId: string }) {
  const t = useT();
  const sources = useSources(entityType, entityId);
  const items = sources.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card variant="borderless" title={t('report.sources')} data-testid="record-sources" style={{ marginTop: 16 }}>
      <List
        dataSource={items}
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/reports/${s.reportId}`}>{s.reportTitle ?? t('report.untitled')}</Link>}
              description={
                <>
                  <Typography.Text type="secondary">{t(s.relation === 'created' ? 'report.sourceCreated' : 'report.sourceLinked')}</Typography.Text>
                  {s.quote ? <blockquote style={{ margin: '4px 0 0', paddingLeft: 8, borderLeft: '3px solid #d9d9d9' }}>{s.quote}</blockquote> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

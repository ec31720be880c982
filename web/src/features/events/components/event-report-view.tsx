import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useT } from '../../../app/i18n';
import { eventReport } from '../../../../../common/event-report';
import type { EventDetail } from '../api';

/** The one-page Chinese report, printable (the same lines as the DOCX). */
export function EventReportView({ event }: { event: EventDetail }) {
  const t = useT();
  const report = eventReport(event);
  return (
    <>
      {/* printing shows the report alone, not the app around it */}
      <style>{'@media print { body * { visibility: hidden; } .tx-event-report, .tx-event-report * { visibility: visible; } .tx-event-report { position: absolute; inset: 0; } }'}</style>
      <Space wrap className="tx-no-print" style={{ marginBottom: 12 }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('event.print')}
        </Button>
        <Button icon={<DownloadOutlined />} href={`/api/events/${event.id}/report.docx`}>
          {t('event.reportDocx')}
        </Button>
      </Space>
      <article lang="zh-CN" className="tx-event-report" data-testid="event-report">
        <Typography.Title level={3}>{report.title}</Typography.Title>
        {report.sections.map((s) => (
          <section key={s.heading}>
            <Typography.Title level={5}>{s.heading}</Typography.Title>
            {s.lines.map((line) => (
              <Typography.Paragraph key={line} style={{ marginBottom: 4 }}>
                {line}
              </Typography.Paragraph>
            ))}
          </section>
        ))}
      </article>
    </>
  );
}

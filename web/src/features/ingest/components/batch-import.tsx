import { FolderOpenOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { api } from '../../../lib/api';
import { errorMessage } from '../../../lib/error-message';
import type { ReportDetail } from '../api';

const REPORT_FILE = /\.(txt|html?|docx)$/i;
type Row = { name: string; ok: boolean; id?: string; title?: string | null; error?: string };

/** A zip's report files (.txt, .html, .docx), unpacked in the browser. */
async function filesOfZip(zip: File): Promise<File[]> {
  const { default: JSZip } = await import('jszip');
  const archive = await JSZip.loadAsync(await zip.arrayBuffer());
  const entries = Object.values(archive.files).filter((e) => !e.dir && REPORT_FILE.test(e.name) && !e.name.startsWith('__MACOSX/'));
  return Promise.all(entries.map(async (e) => new File([await e.async('arraybuffer')], e.name.split('/').pop() ?? e.name)));
}

/** Many reports at once (several files, a folder or a zip): each kept as a draft, with a progress bar and a result per file. */
export function BatchImport() {
  const t = useT();
  const qc = useQueryClient();
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [running, setRunning] = useState(false);
  const queue = useRef<File[]>([]);
  const timer = useRef<number | undefined>(undefined);

  const run = async (picked: File[]) => {
    setRunning(true);
    const files: File[] = [];
    const out: Row[] = [];
    for (const f of picked) {
      if (/\.zip$/i.test(f.name)) {
        try {
          files.push(...(await filesOfZip(f)));
        } catch (e) {
          out.push({ name: f.name, ok: false, error: errorMessage(e, t) });
        }
      } else if (REPORT_FILE.test(f.name)) files.push(f);
      else out.push({ name: f.name, ok: false, error: t('report.batchSkipped') });
    }
    setTotal(files.length + out.length);
    setRows([...out]);
    for (const file of files) {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const r = await api.upload<ReportDetail>('/api/reports', form);
        out.push({ name: file.name, ok: true, id: r.id, title: r.title });
      } catch (e) {
        out.push({ name: file.name, ok: false, error: errorMessage(e, t) });
      }
      setRows([...out]);
    }
    setRunning(false);
    void qc.invalidateQueries({ queryKey: ['reports'] });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        multiple
        accept=".txt,.html,.htm,.docx,.zip"
        showUploadList={false}
        beforeUpload={(file) => {
          // antd calls this once per file: gather the selection, then import it in one run
          queue.current.push(file);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => {
            const picked = queue.current;
            queue.current = [];
            void run(picked);
          }, 0);
          return false;
        }}
      >
        <Button icon={<FolderOpenOutlined />} disabled={running}>
          {t('report.batch')}
        </Button>
      </Upload>
      <Typography.Text type="secondary">{t('report.batchHelp')}</Typography.Text>
      {total ? <Progress percent={Math.round((rows.length / total) * 100)} status={running ? 'active' : 'normal'} data-testid="batch-progress" /> : null}
      {rows.length ? (
        <List
          size="small"
          data-testid="batch-results"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <Tag color={r.ok ? 'green' : 'red'}>{r.ok ? t('report.batchOk') : t('report.batchFailed')}</Tag>
                {r.id ? <Link to={`/reports/${r.id}`}>{r.title ?? r.name}</Link> : <span>{r.name}</span>}
                {r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Space>
  );
}

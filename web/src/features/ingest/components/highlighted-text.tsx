import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Evidence } from '../../../../../common/schemas/ingest';

/** The cleaned text with every extracted span marked (overlaps: the earlier, longer span wins); the field on hover. */
export function HighlightedText({ text, evidence }: { text: string; evidence: Evidence[] }) {
  const spans = [...evidence].filter((e) => e.end > e.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, e] of spans.entries()) {
    if (e.start < at) continue;
    if (e.start > at) parts.push(text.slice(at, e.start));
    parts.push(
      <mark key={i} title={`${e.field} (${Math.round(e.confidence * 100)}%)`} data-field={e.field} style={{ background: e.confidence >= 0.8 ? '#fff1b8' : '#ffd8bf', padding: 0 }}>
        {text.slice(e.start, e.end)}
      </mark>,
    );
    at = e.end;
  }
  parts.push(text.slice(at));
  return (
    <Typography.Paragraph data-testid="report-text" style={{ whiteSpace: 'pre-wrap', maxHeight: '70vh', overflow: 'auto', wordBreak: 'break-all' }}>
      {parts}
    </Typography.Paragraph>
  );
}

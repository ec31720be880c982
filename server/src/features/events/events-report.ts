import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { eventReport } from '../../../../common/event-report';
import type { EventDetail } from '../../../../common/schemas/events';

/** The event report as a DOCX file: the same lines as the printable page. */
export async function eventReportDocx(e: EventDetail): Promise<Buffer> {
  const report = eventReport(e);
  const font = 'SimSun';
  const doc = new Document({
    creator: '同心 Tongxin',
    title: report.title,
    styles: { default: { document: { run: { font, size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: report.title, font })] }),
          ...report.sections.flatMap((s) => [
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: s.heading, font })] }),
            ...s.lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, font })] })),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

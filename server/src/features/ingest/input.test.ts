import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readReportFile, reportFileType } from './input';

/** A minimal .docx (WordprocessingML) with one paragraph per line. */
async function docx(lines: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const paras = lines.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('report files', () => {
  it('reads a .docx with mammoth', async () => {
    const data = await docx([
      '闵行区举办科创论坛',
      '2023-11-06 来源:闵行区融媒体中心',
      '10月14日下午,由上海市闵行区委、区政府主办的国际产业论坛在某某科创大厦举行,来自中外的专家学者参加论坛并展开对话。',
    ]);
    expect(reportFileType({ fileName: 'r.docx', data })).toBe('docx');
    const x = await readReportFile({ fileName: 'r.docx', data });
    expect(x).toMatchObject({ encoding: 'docx', title: '闵行区举办科创论坛', event_date: '2023-10-14', organizers: ['上海市闵行区委', '闵行区政府'] });
  });
  it('knows .txt and .html and refuses other types', () => {
    expect(reportFileType({ fileName: 'a.TXT', data: Buffer.from('x') })).toBe('text');
    expect(reportFileType({ fileName: 'a.html', data: Buffer.from('x') })).toBe('text');
    expect(reportFileType({ fileName: 'a.pdf', data: Buffer.from('x') })).toBeNull();
  });
});

import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, type Session } from '../../test/factories';
import { readSheet } from './io-reader';

const t = useTestApp();

/** A minimal .xlsx whose one sheet is `sheetXml`, deflated at the highest level (as a zip bomb would be). */
async function xlsxWith(sheetXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="单位" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>类型</t></is></c></row>';
const sheet = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}${rows}</sheetData></worksheet>`;

/** `sheetXml` with `mb` megabytes of whitespace after the header row: 22 KB for 20 MB. */
const whitespaceBomb = (mb: number) => xlsxWith(sheet(' '.repeat(mb * 1024 * 1024)));

function upload(session: Session, data: Buffer, fileName: string, lang = 'zh-CN') {
  const boundary = 'limitsboundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const payload = Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({
    method: 'POST',
    url: '/api/io/import/organizations/check',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': lang },
    payload,
  });
}

describe('XLSX uploads within limits', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = (await loginAs(t.app, { role: 'admin' })).session;
  });

  it('refuses a 22 KB file that expands to 20 MB of whitespace in under a second, naming the limit', async () => {
    const bomb = await whitespaceBomb(20);
    expect(bomb.length).toBeLessThan(40 * 1024);
    await upload(admin, await whitespaceBomb(0), 'warm-up.xlsx'); // first-request costs (multipart, scope) are not the reader's
    const started = performance.now();
    const cpu = process.cpuUsage();
    const res = await upload(admin, bomb, 'bomb.xlsx');
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const ms = performance.now() - started;
    expect([413, 422]).toContain(res.statusCode);
    // the limit is named: how much it expands, or how long a row may be
    expect(res.json().message).toMatch(/(100 倍|4 MB)的上限/);
    // the work it costs (CPU time: the wall clock also counts whatever else this shared machine runs)
    expect(cpuMs).toBeLessThan(1000);
    expect(ms).toBeLessThan(5000);
    const en = await upload(admin, bomb, 'bomb.xlsx', 'en');
    expect(en.json().message).toMatch(/limit/);
    expect(en.json().message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('stops a file whose rows expand more than the ratio allows after a few megabytes, with a 413', async () => {
    const row = '<row><c t="inlineStr"><is><t>同一个名称</t></is></c><c t="inlineStr"><is><t>企业</t></is></c></row>';
    const data = await xlsxWith(sheet(row.repeat(300_000)));
    let read = 0;
    const reading = (async () => {
      for await (const _row of readSheet({ fileName: 'rows.xlsx', data }, (c) => c[0] === '名称')) read++;
    })();
    await expect(reading).rejects.toMatchObject({ status: 413, userMessage: { zh: expect.stringMatching(/100 倍的上限/) } });
    expect(read).toBeLessThan(100_000);
  });

  it('refuses a cell longer than Excel allows, naming row and column', async () => {
    const long = 'x'.repeat(40_000);
    const res = await upload(admin, await xlsxWith(sheet(`<row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c></row>`)), 'long.xlsx');
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('第2行第1列超过 32767 个字符的上限');
  });

  it('answers "not a valid XLSX file" for a text file renamed .xlsx and for a broken zip', async () => {
    const text = await upload(admin, Buffer.from('名称,类型\n上海某公司,企业\n'), 'renamed.xlsx');
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toMatch(/^不是有效的 XLSX 文件/);
    const good = await whitespaceBomb(0);
    const broken = good.subarray(0, Math.floor(good.length / 2));
    const res = await upload(admin, broken, 'broken.xlsx', 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^not a valid XLSX file/);
  });

  it('keeps /api/health answering within a second while a 100 MB-expanding file is refused', async () => {
    const bomb = await whitespaceBomb(100);
    const work = Promise.all([upload(admin, bomb, 'a.xlsx'), upload(admin, bomb, 'b.xlsx'), upload(admin, bomb, 'c.xlsx')]);
    let done = false;
    void work.finally(() => (done = true));
    let worst = 0;
    let polls = 0;
    while (!done || polls < 3) {
      const started = performance.now();
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      worst = Math.max(worst, performance.now() - started);
      polls++;
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const res of await work) expect([413, 422]).toContain(res.statusCode);
    expect(worst).toBeLessThan(1000);
  });

  it('stops reading when the client has gone away', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}"><c t="inlineStr"><is><t>单位${i}</t></is></c></row>`).join('');
    const data = await xlsxWith(sheet(rows));
    const controller = new AbortController();
    let read = 0;
    const reading = (async () => {
      for await (const _row of readSheet({ fileName: 'a.xlsx', data, signal: controller.signal }, (c) => c[0] === '名称')) {
        if (++read === 100) controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ userMessage: { en: 'The upload was abandoned' } });
    expect(read).toBeLessThan(20_000);
  });
});

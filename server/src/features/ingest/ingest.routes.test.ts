import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';
import { uploadFile } from '../../test/files';

const t = useTestApp();
const seedDir = path.resolve(import.meta.dirname, '../../../../../shared/seeds');
const seed000 = fs.readFileSync(path.join(seedDir, '000_37ff99f907eee8d3.txt'));

describe('POST /api/reports/extract', () => {
  it('turns a pasted seed report into the labels schema, 李姝徵 kept and the damaged passage repaired', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310115' }] });
    const res = await session.send('POST', '/api/reports/extract', { text: seed000.toString('utf8') });
    expect(res.statusCode).toBe(200);
    const x = res.json();
    expect(x).toMatchObject({ title: '发挥新阶层人士优势 助力“未来车”加速驰骋', publish_date: '2024-10-12', district: '浦东新区', participant_count: 200 });
    expect(x.text).toContain('记者 李姝徵');
    expect(x.text).toContain('活动成立了浦东新区');
    expect(x.people).toEqual([{ name: '张峰', title: '浦东新区区委常委、统战部部长' }]);
  });

  it('reads an uploaded GBK file and says which encoding it detected', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const text = '奉贤区开展专家服务日活动\n2023-09-18 来源:奉贤统战\n9月16日,奉贤区知联会组织专家20余人走进南桥镇,开展义诊和法律咨询服务,服务群众超300人次。';
    const res = await uploadFile(session, '/api/reports/extract', 'report.txt', iconv.encode(text, 'gbk'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ encoding: 'gb18030', title: '奉贤区开展专家服务日活动', event_date: '2023-09-16', district: '奉贤区' });
  });

  it('refuses roles that do not keep the directory, anonymous callers and unsupported files', async () => {
    const { session: viewer } = await loginAs(t.app, { role: 'viewer' });
    expect((await viewer.send('POST', '/api/reports/extract', { text: '9月16日,某某活动举行。' })).statusCode).toBe(403);
    const anon = await t.app.inject({ method: 'POST', url: '/api/reports/extract', payload: { text: 'x' } });
    expect(anon.statusCode).toBe(401);
    const { session } = await loginAs(t.app, { role: 'admin' });
    const bad = await uploadFile(session, '/api/reports/extract', 'report.pdf', Buffer.from('%PDF-1.4'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].message).toContain('只支持 .txt、.html 和 .docx 文件');
    const empty = await session.send('POST', '/api/reports/extract', { text: '' });
    expect(empty.statusCode).toBe(400);
  });
});

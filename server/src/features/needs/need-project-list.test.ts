import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makePerson } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const MINHANG = '310112';

describe('service project list (服务项目清单)', () => {
  it('groups the open needs of a district by category with their matched providers, printable and as XLSX, within the scope', async () => {
    const coord = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    const minhang = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: MINHANG }] })).session;
    const org = await makeOrganization(t.app, { name: '清单测试企业', districtCode: PUDONG });
    const expert = await makePerson(t.app, { name: '清单专家', districtCode: PUDONG, roles: ['expert'] });
    const post = async (category: string, title: string) => {
      const res = await coord.send('POST', '/api/needs', { organizationId: org.id, category, title, description: '清单测试', industryIds: [] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const fin = await post('financing', '清单测试融资诉求');
    const tech = await post('technology', '清单测试技术诉求');
    const withdrawn = await post('technology', '清单测试已撤回诉求');
    expect((await coord.send('POST', `/api/needs/${fin}/steps`, { action: 'accept' })).statusCode).toBe(200);
    expect((await coord.send('POST', `/api/needs/${fin}/assignments`, { candidates: [{ personId: expert.id }] })).statusCode).toBe(200);
    expect((await coord.send('POST', `/api/needs/${withdrawn}/steps`, { action: 'withdraw', note: '不再需要' })).statusCode).toBe(200);

    const list = (await coord.get(`/api/needs/project-list?districtCode=${PUDONG}`)).json();
    const byCat = Object.fromEntries(list.groups.map((g: { category: string; needs: { id: string; providers: string[] }[] }) => [g.category, g.needs]));
    expect(byCat.financing.find((n: { id: string }) => n.id === fin).providers).toEqual(['清单专家']);
    expect(byCat.technology.map((n: { id: string }) => n.id)).toContain(tech);
    expect(byCat.technology.map((n: { id: string }) => n.id)).not.toContain(withdrawn);
    // another district's coordinator sees none of them
    const other = (await minhang.get(`/api/needs/project-list`)).json();
    expect(JSON.stringify(other)).not.toContain(fin);

    const xlsx = await coord.get(`/api/needs/project-list.xlsx?districtCode=${PUDONG}&category=financing`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('服务项目（诉求）');
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.some((r) => r[1] === '清单测试融资诉求' && r[6] === '清单专家' && r[0] === '融资')).toBe(true);
    expect(rows.some((r) => r[1] === '清单测试技术诉求')).toBe(false);
  });
});

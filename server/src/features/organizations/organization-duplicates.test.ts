import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrg, makeUscc } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';
const u = () => randomBytes(3).toString('hex');

type Candidate = { id: string; name: string; reason: string; score: number; districtName: string | null };

async function admin() {
  return (await loginAs(t.app, { role: 'admin' })).session;
}

describe('organisation duplicates', () => {
  it('finds the record with the same credit code, and refuses to create a second one even with force', async () => {
    const s = await admin();
    const uscc = makeUscc();
    const existing = await s.send('POST', '/api/organizations', { name: `信用代码测试${u()}有限公司`, kind: 'enterprise', districtCode: PUDONG, uscc });
    expect(existing.statusCode).toBe(201);

    const check = await s.send('POST', '/api/organizations/duplicates', { name: '名称完全不同', uscc });
    expect(check.json().candidates[0]).toMatchObject({ id: existing.json().id, reason: 'uscc', score: 1, districtName: '浦东新区' });

    const again = await s.send('POST', '/api/organizations', { name: '另一个名字', kind: 'enterprise', uscc, force: true });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'uscc' }] });
    expect(again.json().fields[0].message).toMatch(/统一社会信用代码/);
  });

  it('matches a name typed in Traditional characters or full-width letters with the Simplified record', async () => {
    const s = await admin();
    const k = u();
    const org = await makeOrg(t.app, { name: `国药控股${k}股份有限公司` });
    const trad = await s.send('POST', '/api/organizations/duplicates', { name: `國藥控股${k}股份有限公司` });
    expect(trad.json().candidates).toContainEqual(expect.objectContaining({ id: org.id, reason: 'name', score: 1 }));

    // the short form without the legal suffix is the same body
    const short = await s.send('POST', '/api/organizations/duplicates', { name: `國藥控股${k}` });
    expect(short.json().candidates).toContainEqual(expect.objectContaining({ id: org.id, reason: 'name' }));

    const latin = await makeOrg(t.app, { name: `上海abc${k}科技` });
    const wide = [...k].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const full = await s.send('POST', '/api/organizations/duplicates', { name: `上海ＡＢＣ${wide}科技` });
    expect(full.json().candidates).toContainEqual(expect.objectContaining({ id: latin.id, reason: 'name' }));
  });

  it('matches a name against aliases and an alias against names', async () => {
    const s = await admin();
    const k = u();
    const cicc = await makeOrg(t.app, { name: `中国国际金融${k}股份有限公司`, kind: 'bank', aliases: [`中金公司${k}`] });
    const byAlias = await s.send('POST', '/api/organizations/duplicates', { name: `中金公司${k}` });
    expect(byAlias.json().candidates).toContainEqual(expect.objectContaining({ id: cicc.id, reason: 'alias' }));

    const byName = await s.send('POST', '/api/organizations/duplicates', { name: `中金${k}`, aliases: [`中国国际金融${k}股份有限公司`] });
    expect(byName.json().candidates).toContainEqual(expect.objectContaining({ id: cicc.id, reason: 'alias' }));
  });

  it('suggests a near name by trigram similarity, and not an unrelated one', async () => {
    const s = await admin();
    const k = u();
    const org = await makeOrg(t.app, { name: `上海市浦东新区智能网联汽车创新发展中心${k}` });
    const near = await s.send('POST', '/api/organizations/duplicates', { name: `浦东新区智能网联汽车创新发展中心${k}` });
    const hit = near.json().candidates.find((c: Candidate) => c.id === org.id);
    expect(hit).toMatchObject({ reason: 'similar' });
    expect(hit.score).toBeGreaterThanOrEqual(0.6);
    expect(hit.score).toBeLessThan(1);

    const far = await s.send('POST', '/api/organizations/duplicates', { name: `崇明生态农业合作社${k}` });
    expect(far.json().candidates.map((c: Candidate) => c.id)).not.toContain(org.id);
  });

  it('answers a likely duplicate with 409 and candidates, and creates it when forced', async () => {
    const s = await admin();
    const k = u();
    const org = await makeOrg(t.app, { name: `金桥${k}集团有限公司` });
    const first = await s.send('POST', '/api/organizations', { name: `金桥${k}集团`, kind: 'park_operator', districtCode: PUDONG });
    expect(first.statusCode).toBe(409);
    expect(first.json().code).toBe('DUPLICATE');
    expect(first.json().message).toMatch(/重复/);
    expect(first.json().candidates).toContainEqual(expect.objectContaining({ id: org.id, name: org.name, reason: 'name' }));

    const forced = await s.send('POST', '/api/organizations', { name: `金桥${k}集团`, kind: 'park_operator', districtCode: PUDONG, force: true });
    expect(forced.statusCode).toBe(201);
    expect(forced.json()).toMatchObject({ name: `金桥${k}集团`, districtName: '浦东新区' });
  });

  it('only suggests records the actor may see', async () => {
    const k = u();
    const org = await makeOrg(t.app, { name: `浦东专属单位${k}`, districtCode: PUDONG });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    const res = await session.send('POST', '/api/organizations/duplicates', { name: `浦东专属单位${k}` });
    expect(res.json().candidates.map((c: Candidate) => c.id)).not.toContain(org.id);
  });
});

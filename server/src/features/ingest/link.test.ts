import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makePerson } from '../../test/factories';

const t = useTestApp();
const tag = () => randomBytes(3).toString('hex');

describe('POST /api/reports/link', () => {
  it('matches organisations exactly, by alias and by near name, proposes the rest as new, within the coordinator’s scope', async () => {
    const x = tag();
    const exact = await makeOrganization(t.app, { name: `浦东新区${x}外商投资企业协会`, districtCode: '310115' });
    const aliased = await makeOrganization(t.app, { name: `上海浦东新区${x}新的社会阶层人士联谊会`, aliases: [`浦东${x}新联会`], districtCode: '310115' });
    const near = await makeOrganization(t.app, { name: `金桥${x}集团有限公司`, districtCode: '310115' });
    const elsewhere = await makeOrganization(t.app, { name: `闵行${x}科技园`, districtCode: '310112' });
    const person = await makePerson(t.app, { name: `张峰${x.slice(0, 1)}`, affiliations: [{ organizationId: exact.id, organizationName: exact.name, position: '会长' }] });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310115' }] });
    const res = await session.send('POST', '/api/reports/link', {
      organizations: [`浦东新区${x}外商投资企业协会`, `浦东${x}新联会`, `金桥${x}集团`, `闵行${x}科技园`, `全新单位${x}`],
      people: [
        { name: person.name, title: `浦东新区${x}外商投资企业协会会长` },
        { name: `陌生人${x}`, title: null },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.organizations.map((o: { match: string }) => o.match)).toEqual(['exact', 'alias', 'near', 'new', 'new']);
    expect(body.organizations[0].candidates[0].id).toBe(exact.id);
    expect(body.organizations[1].candidates[0].id).toBe(aliased.id);
    // 金桥集团 ~ 金桥集团有限公司: the same core name, proposed (near) for the coordinator to confirm
    expect(body.organizations[2].candidates[0].id).toBe(near.id);
    // a Minhang record is outside a Pudong coordinator's scope: proposed as new, never revealed
    expect(JSON.stringify(body)).not.toContain(elsewhere.id);
    expect(body.people[0]).toMatchObject({ match: 'exact', candidates: [expect.objectContaining({ id: person.id })] });
    expect(body.people[1]).toMatchObject({ match: 'new', candidates: [] });
  });

  it('is refused to a viewer', async () => {
    const { session } = await loginAs(t.app, { role: 'viewer' });
    expect((await session.send('POST', '/api/reports/link', { organizations: [], people: [] })).statusCode).toBe(403);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makeNetwork, makePerson } from '../../test/factories';
import { shanghaiToday } from '../../../../common/shanghai-date';

const t = useTestApp();
const HUANGPU = '310101';

describe('network members: tiers, terms and history', () => {
  it('counts current members by tier next to the declared figures, and keeps who joined, changed tier and left', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const created = await session.send('POST', '/api/networks', {
      name: '央企外滩党建联盟（测试）',
      kind: 'alliance',
      districtCode: HUANGPU,
      declaredCounts: { founding: 13, joint_meeting: 22, member: 30 },
    });
    expect(created.statusCode).toBe(201);
    const network = created.json();
    const url = `/api/networks/${network.id}`;
    const bank = await makeOrganization(t.app, { name: '交通银行测试', kind: 'bank', districtCode: HUANGPU });
    const soe = await makeOrganization(t.app, { name: '中国电信测试', kind: 'soe', districtCode: HUANGPU });
    const expert = await makePerson(t.app, { name: '李姝徵' });

    const joined = await session.send('POST', `${url}/members`, { organizationId: bank.id, tier: 'member', role: '成员单位', joinedOn: '2024-01-18' });
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ tier: 'member', joinedOn: '2024-01-18', leftOn: null, organization: { id: bank.id, name: '交通银行测试', kind: 'bank' }, person: null });
    await session.send('POST', `${url}/members`, { organizationId: soe.id, tier: 'founding', joinedOn: '2024-01-18' });
    const person = await session.send('POST', `${url}/members`, { personId: expert.id, tier: 'expert' });
    expect(person.json().person).toEqual({ id: expert.id, name: '李姝徵' });

    // a current member cannot join twice
    const again = await session.send('POST', `${url}/members`, { organizationId: bank.id, tier: 'founding' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('organizationId');

    let detail = (await session.get(url)).json();
    expect(detail.declaredCounts).toEqual({ founding: 13, joint_meeting: 22, member: 30 });
    expect(detail.memberCounts).toMatchObject({ founding: 1, joint_meeting: 0, member: 1, convening: 0, chain_leader: 0, expert: 1, organizations: 2, people: 1, total: 3 });

    // promoted to the joint meeting: a new term from today, the old one closed today
    const promoted = await session.send('PATCH', `${url}/members/${joined.json().id}`, { tier: 'joint_meeting' });
    expect(promoted.statusCode).toBe(200);
    const today = shanghaiToday();
    expect(promoted.json()).toMatchObject({ tier: 'joint_meeting', joinedOn: today, leftOn: null, role: '成员单位', organization: { id: bank.id } });
    expect(promoted.json().id).not.toBe(joined.json().id);
    detail = (await session.get(url)).json();
    expect(detail.memberCounts).toMatchObject({ founding: 1, joint_meeting: 1, member: 0, expert: 1, total: 3 });

    // the bank leaves
    const left = await session.send('PATCH', `${url}/members/${promoted.json().id}`, { leftOn: today });
    expect(left.statusCode).toBe(200);
    expect(left.json().leftOn).toBe(today);
    detail = (await session.get(url)).json();
    expect(detail.memberCounts).toMatchObject({ founding: 1, joint_meeting: 0, member: 0, expert: 1, total: 2 });
    expect(detail.members.map((m: { organization: { name: string } | null }) => m.organization?.name ?? null).sort()).toEqual([null, '中国电信测试']);

    const bankHistory = detail.history.filter((h: { memberName: string }) => h.memberName === '交通银行测试');
    expect(bankHistory.map((h: { date: string; change: string; tier: string }) => [h.date, h.change, h.tier])).toEqual([
      [today, 'left', 'joint_meeting'],
      [today, 'joined', 'joint_meeting'],
      [today, 'left', 'member'],
      ['2024-01-18', 'joined', 'member'],
    ]);
    // newest first overall
    const dates = detail.history.map((h: { date: string }) => h.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    // the list shows the same counts
    const list = (await session.get(`/api/networks?q=${encodeURIComponent('央企外滩党建联盟（测试）')}`)).json();
    expect(list.items[0]).toMatchObject({ id: network.id, memberCounts: { founding: 1, member: 0, expert: 1, total: 2 }, declaredCounts: { founding: 13 } });
  });

  it('corrects a term that began today in place, and refuses impossible dates naming the field', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const network = await makeNetwork(t.app);
    const org = await makeOrganization(t.app);
    const url = `/api/networks/${network.id}/members`;
    const m = (await session.send('POST', url, { organizationId: org.id, tier: 'member' })).json();
    const fixed = await session.send('PATCH', `${url}/${m.id}`, { tier: 'chain_leader', role: '链长' });
    expect(fixed.json()).toMatchObject({ id: m.id, tier: 'chain_leader', role: '链长' });

    const early = await session.send('PATCH', `${url}/${m.id}`, { leftOn: '2000-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].path).toBe('leftOn');
    const future = await session.send('POST', url, { personId: (await makePerson(t.app)).id, tier: 'expert', joinedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('joinedOn');
    const badDate = await session.send('PATCH', `${url}/${m.id}`, { leftOn: '2024-13-45' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].path).toBe('leftOn');
    const neither = await session.send('POST', url, { tier: 'member' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().fields[0].path).toBe('organizationId');
    const badTier = await session.send('POST', url, { organizationId: org.id, tier: 'president' });
    expect(badTier.json().fields[0].path).toBe('tier');
    const ghost = await session.send('POST', url, { organizationId: '00000000-0000-4000-8000-000000000000', tier: 'member' });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().fields[0]).toMatchObject({ path: 'organizationId', message: expect.stringMatching(/单位不存在/) });
  });

  it('lets a member rejoin after leaving, and records each term in the audit log', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const network = await makeNetwork(t.app);
    const org = await makeOrganization(t.app, { name: '复入测试单位' });
    const url = `/api/networks/${network.id}/members`;
    const first = (await session.send('POST', url, { organizationId: org.id, tier: 'member', joinedOn: '2023-05-01' })).json();
    await session.send('PATCH', `${url}/${first.id}`, { leftOn: '2024-05-01' });
    const second = await session.send('POST', url, { organizationId: org.id, tier: 'founding', joinedOn: '2025-01-01' });
    expect(second.statusCode).toBe(201);
    // reopening the first term would make two current memberships
    const reopen = await session.send('PATCH', `${url}/${first.id}`, { leftOn: null });
    expect(reopen.statusCode).toBe(409);
    const detail = (await session.get(`/api/networks/${network.id}`)).json();
    expect(detail.history.map((h: { date: string; change: string }) => `${h.date} ${h.change}`)).toEqual([
      '2025-01-01 joined',
      '2024-05-01 left',
      '2023-05-01 joined',
    ]);
    const audit = (await session.get(`/api/audit?entity=membership&entityId=${first.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'leave', before: { leftOn: null }, after: { leftOn: '2024-05-01' } });
  });

  it('gives people person roles (导师, 首批专家 …) and organisations tiers, and counts each member once', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const network = await makeNetwork(t.app);
    const url = `/api/networks/${network.id}/members`;
    const org = await makeOrganization(t.app, { name: '角色测试单位' });
    const mentor = await makePerson(t.app, { name: '角色测试导师' });
    const founder = await makePerson(t.app, { name: '角色测试专家' });

    // a person cannot be a founding unit, an organisation cannot be a mentor: 400 on the field, in Chinese and English
    const personTier = await session.send('POST', url, { personId: mentor.id, tier: 'founding' });
    expect(personTier.statusCode).toBe(400);
    expect(personTier.json().fields[0]).toMatchObject({ path: 'tier', message: expect.stringMatching(/个人成员应选择个人角色/) });
    const orgRole = await session.send('POST', url, { organizationId: org.id, tier: 'mentor' });
    expect(orgRole.statusCode).toBe(400);
    expect(orgRole.json().fields[0]).toMatchObject({ path: 'tier', message: expect.stringMatching(/单位成员应选择单位层级/) });

    const added = await session.send('POST', url, { personId: mentor.id, tier: 'mentor', role: '创业导师' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ tier: 'mentor', person: { id: mentor.id } });
    await session.send('POST', url, { personId: founder.id, tier: 'founding_expert' });
    await session.send('POST', url, { organizationId: org.id, tier: 'founding' });

    const detail = (await session.get(`/api/networks/${network.id}`)).json();
    expect(detail.memberCounts).toMatchObject({ founding: 1, mentor: 1, founding_expert: 1, expert: 0, organizations: 1, people: 2, total: 3 });
    const listed = (await session.get(`/api/networks?q=${encodeURIComponent(network.name)}`)).json().items;
    expect(listed.find((n: { id: string }) => n.id === network.id).memberCounts).toMatchObject({ founding: 1, mentor: 1, total: 3 });

    // the role changes like a tier (a new term), and only to another person role
    const wrong = await session.send('PATCH', `${url}/${added.json().id}`, { tier: 'chain_leader' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].path).toBe('tier');
    const adviser = await session.send('PATCH', `${url}/${added.json().id}`, { tier: 'adviser' });
    expect(adviser.statusCode).toBe(200);
    expect(adviser.json().tier).toBe('adviser');
    const after = (await session.get(`/api/networks/${network.id}`)).json();
    expect(after.memberCounts).toMatchObject({ mentor: 0, adviser: 1, people: 2, total: 3 });
    const person = (await session.get(`/api/people/${mentor.id}`)).json();
    expect(person.memberships.find((m: { network: { id: string } }) => m.network.id === network.id).tier).toBe('adviser');
  });
});

import { sql } from 'drizzle-orm';
import { networks } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { changeCondition } from '../../lib/visibility';
import { membershipColumns, type MembershipKey } from './io-columns';
import { insertMemberships, rowsOf, uuidArray, type MembershipInsert } from './io-import.repository';
import { memberTypeVocabulary, membershipTierVocabulary, networkPersonRoleVocabulary } from '../../../../common/labels';
import { organizationsByName, peopleByName, type Match } from './io-lookup.repository';
import { nameNorm } from './io-organizations.importer';
import { charLength, notAllowed, parseDate, tooLong, type Importer, type ParsedRow, type RowErrors } from './io-row';

export interface MembershipRecord extends MembershipInsert {
  row: number;
}

interface Ctx {
  actor: Actor;
  /** networks the actor may see, by normalized name */
  networkIds: Map<string, string[]>;
  /** network|member → row */
  seen: Map<string, number>;
}

interface Pending extends MembershipRecord {
  memberName: string;
  memberType: 'organization' | 'person';
}

export const membershipImporter: Importer<MembershipRecord, Ctx> = {
  columns: membershipColumns,

  async prepare(ex, actor) {
    const visible = await ex
      .select({ id: networks.id, nameNorm: networks.nameNorm, name: networks.name })
      .from(networks)
      .where(changeCondition(actor, 'network', networks));
    const networkIds = new Map<string, string[]>();
    for (const n of visible) {
      const key = n.nameNorm || nameNorm(n.name);
      networkIds.set(key, [...(networkIds.get(key) ?? []), n.id]);
    }
    return { actor, networkIds, seen: new Map() };
  },

  check(ctx, rows, errors: RowErrors<MembershipKey>) {
    const pending: Pending[] = [];
    for (const r of rows as ParsedRow<MembershipKey>[]) {
      const add = (key: MembershipKey, message: string) => errors.add(r.row, key, message);
      const networkName = r.get('network');
      const ids = networkName ? ctx.networkIds.get(nameNorm(networkName)) : undefined;
      if (!networkName) add('network', '必填');
      else if (!ids) add('network', `未找到网络“${networkName}”（或不在您的管辖范围内），请先创建该网络`);
      else if (ids.length > 1) add('network', `有多个名为“${networkName}”的网络，无法确定是哪一个`);

      const typeText = r.get('memberType');
      const memberType = typeText ? memberTypeVocabulary.parse(typeText) : undefined;
      if (!typeText) add('memberType', '必填，可选：单位、个人');
      else if (!memberType) add('memberType', notAllowed(typeText, memberTypeVocabulary.allowed));

      const memberName = r.get('member');
      if (!memberName) add('member', '必填');

      // an organisation takes a tier, a person a person role (memberPositionProblem)
      const positions = memberType === 'person' ? networkPersonRoleVocabulary : membershipTierVocabulary;
      const tierText = r.get('tier');
      const tier = tierText ? positions.parse(tierText) : undefined;
      if (!tierText) add('tier', `必填，可选：${positions.allowed.join('、')}`);
      else if (!tier) add('tier', notAllowed(tierText, positions.allowed));

      const role = r.get('role');
      if (charLength(role) > 100) add('role', tooLong(100));
      const joinedText = r.get('joinedOn');
      const joinedOn = joinedText ? parseDate(joinedText) : undefined;
      if (joinedText && !joinedOn) add('joinedOn', `无法识别日期“${joinedText}”，请填写如 2024-01-15`);

      if (!errors.has(r.row) && ids && memberType && tier) {
        pending.push({
          row: r.row,
          networkId: ids[0],
          organizationId: null,
          personId: null,
          tier,
          role: role || null,
          joinedOn: joinedOn ?? null,
          memberName,
          memberType,
        });
      }
    }
    return pending;
  },

  async confirm(ex, ctx, records, errors: RowErrors<MembershipKey>) {
    const pending = records as Pending[];
    if (!pending.length) return [];
    // members are found by name among the records the actor may see
    const names = (type: Pending['memberType']) => pending.filter((p) => p.memberType === type).map((p) => p.memberName);
    const findOrg = await organizationsByName(ex, ctx.actor, names('organization'));
    const findPerson = await peopleByName(ex, ctx.actor, names('person'));
    const resolved: Pending[] = [];
    for (const p of pending) {
      const hit: Match = p.memberType === 'organization' ? findOrg(p.memberName) : findPerson(p.memberName);
      const what = p.memberType === 'organization' ? '单位' : '人员';
      if (!hit) errors.add(p.row, 'member', `未找到${what}“${p.memberName}”，请先导入该${what}`);
      else if ('ambiguous' in hit) errors.add(p.row, 'member', `有多个名为“${p.memberName}”的${what}，无法确定是哪一个`);
      else {
        if (p.memberType === 'organization') p.organizationId = hit.id;
        else p.personId = hit.id;
        const key = `${p.networkId}|${hit.id}`;
        const earlier = ctx.seen.get(key);
        if (earlier) errors.add(p.row, 'member', `与第${earlier}行重复（同一网络的同一成员）`);
        else {
          ctx.seen.set(key, p.row);
          resolved.push(p);
        }
      }
    }
    if (!resolved.length) return [];

    // a current member is not added twice (past memberships stay as history)
    const current = rowsOf<{ network_id: string; member_id: string }>(
      await ex.execute(sql`
        select network_id, coalesce(organization_id, person_id) as member_id from memberships
        where left_on is null and network_id = any(${uuidArray([...new Set(resolved.map((p) => p.networkId))])})
          and coalesce(organization_id, person_id) = any(${uuidArray(resolved.map((p) => (p.organizationId ?? p.personId)!))})`),
    );
    const taken = new Set(current.map((c) => `${c.network_id}|${c.member_id}`));
    return resolved
      .filter((p) => {
        if (!taken.has(`${p.networkId}|${p.organizationId ?? p.personId}`)) return true;
        errors.add(p.row, 'member', '已是该网络的现任成员');
        return false;
      })
      .map(({ memberName: _n, memberType: _t, ...m }) => m);
  },

  land: (ex, records) => insertMemberships(ex, records),

  duplicates: async () => [],
};

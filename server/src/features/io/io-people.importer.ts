import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportDuplicateCandidate } from '../../../../common/schemas/io';
import { districtCodeByName, districtName, isMobilePhone, isValidPhone, normalizePhone } from '../../../../common/validators';
import { people } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { readCondition } from '../../lib/visibility';
import type { SearchDoc } from '../search/search-index';
import { personColumns, type PersonKey } from './io-columns';
import { insertAffiliations, insertPeople, insertSearchRows, rowsOf, textArray, type PersonInsert } from './io-import.repository';
import { personRoleVocabulary, splitList } from '../../../../common/labels';
import { organizationsByName } from './io-lookup.repository';
import { nameNorm } from './io-organizations.importer';
import { charLength, notAllowed, type Importer, type ParsedRow, type RowErrors } from './io-row';
import { canImportInto, scopeNames } from './io.policy';

export interface PersonRecord extends PersonInsert {
  row: number;
  organizationName: string | null;
  organizationId: string | null;
  position: string | null;
}

interface Ctx {
  actor: Actor;
  seenNameOrg: Map<string, number>;
  seenPhone: Map<string, number>;
}

const email = z.email();
const tooLong = (max: number) => `不能超过${max}个字`;

/** The search document of an imported person: the same fields the people feature indexes (titles, positions, expertise). */
export function personSearchDoc(p: PersonRecord): SearchDoc {
  const affiliated = p.organizationName !== null || p.position !== null;
  return {
    entityType: 'person',
    entityId: p.id,
    title: p.name,
    subtitle: affiliated ? `${p.organizationName ?? ''}${p.position ?? ''}` || null : null,
    texts: [...new Set([p.position, p.organizationName ?? ''])].concat(p.expertise),
    districtCode: p.districtCode,
  };
}

export const personImporter: Importer<PersonRecord, Ctx> = {
  columns: personColumns,

  prepare: async (_ex, actor) => ({ actor, seenNameOrg: new Map(), seenPhone: new Map() }),

  check(ctx, rows, errors: RowErrors<PersonKey>) {
    const parsed: PersonRecord[] = [];
    for (const r of rows as ParsedRow<PersonKey>[]) {
      const add = (key: PersonKey, message: string) => errors.add(r.row, key, message);
      const text = (key: PersonKey, max: number) => {
        const v = r.get(key);
        if (charLength(v) > max) add(key, tooLong(max));
        return v === '' ? null : v;
      };
      const name = r.get('name');
      const organizationName = text('organization', 200);
      if (!name) add('name', '必填');
      else if (charLength(name) > 100) add('name', tooLong(100));
      else {
        const key = `${nameNorm(name)}|${nameNorm(organizationName ?? '')}`;
        const earlier = ctx.seenNameOrg.get(key);
        if (earlier) add('name', `与第${earlier}行重复（姓名和单位都相同）`);
        else ctx.seenNameOrg.set(key, r.row);
      }

      const roles: string[] = [];
      for (const t of splitList(r.get('roles'), true)) {
        const role = personRoleVocabulary.parse(t);
        if (role) roles.push(role);
        else add('roles', notAllowed(t, personRoleVocabulary.allowed));
      }

      const districtText = r.get('district');
      const districtCode = districtText ? (districtCodeByName(districtText) ?? null) : null;
      if (districtText && !districtCode) add('district', `无法识别“${districtText}”，请填写上海市的区名（如 浦东新区）或行政区划代码（如 310115）`);
      else if (!canImportInto(ctx.actor, districtCode)) {
        add('district', districtCode ? `您只能导入所辖区（${scopeNames(ctx.actor)}）的数据` : `必填：您只能导入所辖区（${scopeNames(ctx.actor)}）的数据`);
      }

      const phoneText = r.get('phone');
      const phone = phoneText ? normalizePhone(phoneText) : null;
      if (phone && !isValidPhone(phone)) add('phone', '格式不正确：应为11位手机号（1[3-9]开头）或座机号（如 021-62345678）');
      else if (phone && isMobilePhone(phone)) {
        // a mobile is one person's; a landline may be a whole office's
        if (ctx.seenPhone.has(phone)) add('phone', `与第${ctx.seenPhone.get(phone)}行的手机号重复`);
        else ctx.seenPhone.set(phone, r.row);
      }

      const emailText = r.get('email').toLowerCase();
      if (emailText && (charLength(emailText) > 200 || !email.safeParse(emailText).success)) add('email', '电子邮箱格式不正确');

      const expertise = splitList(r.get('expertise'), true);
      if (expertise.length > 30) add('expertise', '专长最多30项');
      if (expertise.some((e) => charLength(e) > 50)) add('expertise', '每项专长不能超过50字');
      const position = text('position', 100);

      if (!errors.has(r.row)) {
        parsed.push({
          row: r.row,
          id: randomUUID(),
          name,
          nameNorm: nameNorm(name),
          roles: [...new Set(roles)],
          expertise,
          districtCode,
          phone,
          email: emailText || null,
          organizationName,
          organizationId: null,
          position,
        });
      }
    }
    return parsed;
  },

  async confirm(ex, ctx, parsed) {
    // 单位 is linked to the organisation of that name or alias when there is exactly one the importer may see
    const find = await organizationsByName(
      ex,
      ctx.actor,
      parsed.map((p) => p.organizationName ?? ''),
    );
    for (const p of parsed) {
      const hit = p.organizationName ? find(p.organizationName) : undefined;
      if (hit && 'id' in hit) p.organizationId = hit.id;
    }
    return parsed;
  },

  searchDocs: (records) => records.map(personSearchDoc),

  async land(ex, records, searchRows) {
    await insertPeople(ex, records);
    await insertAffiliations(
      ex,
      records
        .filter((p) => p.organizationName || p.position)
        .map((p) => ({ personId: p.id, organizationId: p.organizationId, organizationName: p.organizationName ?? '', position: p.position })),
    );
    await insertSearchRows(ex, searchRows);
  },

  async duplicates(ex, _ctx, actor, rows) {
    const probes = (rows as ParsedRow<PersonKey>[])
      .filter((r) => r.get('name') !== '')
      .map((r) => ({ row: r.row, norm: nameNorm(r.get('name')), phone: r.get('phone') ? normalizePhone(r.get('phone')) : '', org: r.get('organization') }));
    if (!probes.length) return [];
    const scope = readCondition(actor, 'person', people);
    const res = await ex.execute(sql`
      select t.i::int as i, d.id, d.name, d.district_code, d.reason
      from unnest(${textArray(probes.map((p) => p.norm))}, ${textArray(probes.map((p) => p.phone))},
        ${textArray(probes.map((p) => p.org))}, ${textArray(probes.map((p) => nameNorm(p.org)))}) with ordinality as t(norm, phone, org, org_norm, i)
      cross join lateral (
        select people.id, people.name, people.district_code,
          case when t.phone <> '' and people.phone = t.phone then 'phone' else 'name+organization' end as reason
        from people
        where ((t.phone <> '' and people.phone = t.phone)
          or (t.org <> '' and people.name_norm = t.norm and exists (
            select 1 from affiliations a left join organizations o on o.id = a.organization_id
            where a.person_id = people.id and (a.organization_name = t.org or o.name_norm = t.org_norm))))
          ${scope ? sql`and ${scope}` : sql``}
        limit 5
      ) d`);
    const out = new Map<number, ImportDuplicateCandidate[]>();
    for (const r of rowsOf<{ i: number; id: string; name: string; district_code: string | null; reason: 'phone' | 'name+organization' }>(res)) {
      const row = probes[r.i - 1].row;
      const districtLabel = r.district_code ? (districtName(r.district_code) ?? null) : null;
      out.set(row, [...(out.get(row) ?? []), { id: r.id, row: null, name: r.name, districtName: districtLabel, uscc: null, reason: r.reason, score: 1 }]);
    }
    return [...out].map(([row, candidates]) => ({ row, candidates }));
  },
};

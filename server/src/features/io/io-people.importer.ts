import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ExistingMode, ImportDuplicateCandidate } from '../../../../common/schemas/io';
import { districtName, isMobilePhone, isValidPhone, normalizePhone } from '../../../../common/validators';
import type { Actor } from '../../lib/actor';
import { reindexPeople } from '../people/person-detail.service';
import { findPersonDuplicatesBatch, peopleMatchingExactly, type PersonDuplicateQuery } from '../people/person-duplicates.repository';
import type { SearchDoc } from '../search/search-index';
import { personColumns, type PersonKey } from './io-columns';
import {
  insertAffiliations,
  insertPeople,
  insertSearchRows,
  mergeAffiliationsFromImport,
  updatePeopleFromImport,
  type PersonInsert,
} from './io-import.repository';
import { personRoleVocabulary, splitList } from '../../../../common/labels';
import { organizationsByName } from './io-lookup.repository';
import { nameNorm } from './io-organizations.importer';
import { charLength, importDistrict, type Importer, matchedRow, notAllowed, type ParsedRow, rowCells, type RowErrors, tooLong } from './io-row';

export interface PersonRecord extends PersonInsert {
  row: number;
  organizationName: string | null;
  organizationId: string | null;
  position: string | null;
  /** phone and e-mail cells as a masked export wrote them: matched, never written */
  maskedPhone: string | null;
  maskedEmail: string | null;
  /** existing=update: the person this row matched exactly and updates */
  existingId?: string;
}

interface Ctx {
  actor: Actor;
  existing: ExistingMode;
  skipped: number;
  updated: number;
  seenNameOrg: Map<string, number>;
  seenPhone: Map<string, number>;
}

const email = z.email();
/** candidates listed per row of a check */
const PER_ROW = 5;
/** cells as a masked export writes them (see maskPhone, maskEmail) */
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;
const MASKED_EMAIL = /^[^@\s]?\*{3}@\S+$/;

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

  prepare: async (_ex, actor, opts) => ({ actor, existing: opts?.existing ?? 'skip', skipped: 0, updated: 0, seenNameOrg: new Map(), seenPhone: new Map() }),

  check(ctx, rows, errors: RowErrors<PersonKey>) {
    const parsed: PersonRecord[] = [];
    for (const r of rows as ParsedRow<PersonKey>[]) {
      const { add, text } = rowCells(r, errors);
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

      const districtCode = importDistrict(r.get('district'), ctx.actor, (m) => add('district', m));

      // a masked export's cells (139****5678, z***@example.com) identify the person but are no value to write
      const phoneText = r.get('phone');
      const maskedPhone = MASKED_PHONE.test(phoneText) ? phoneText : null;
      const phone = phoneText && !maskedPhone ? normalizePhone(phoneText) : null;
      if (phone && !isValidPhone(phone)) add('phone', '格式不正确：应为11位手机号（1[3-9]开头）或座机号（如 021-62345678）');
      else if (phone && isMobilePhone(phone)) {
        // a mobile is one person's; a landline may be a whole office's
        if (ctx.seenPhone.has(phone)) add('phone', `与第${ctx.seenPhone.get(phone)}行的手机号重复`);
        else ctx.seenPhone.set(phone, r.row);
      }

      const emailCell = r.get('email').toLowerCase();
      const maskedEmail = MASKED_EMAIL.test(emailCell) ? emailCell : null;
      const emailText = maskedEmail ? '' : emailCell;
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
          maskedPhone,
          maskedEmail,
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
    // A row that IS an existing person (the people feature's one rule, isExactMatch) is skipped or
    // updated, never added again: re-importing a file or an export adds nobody.
    const match = await peopleMatchingExactly(ex, ctx.actor, parsed.map(probeOf));
    return parsed.filter((p, i) => {
      const id = match[i];
      if (!id) return true;
      return matchedRow(ctx, p, id);
    });
  },

  tally: (ctx) => ({ skipped: ctx.skipped, updated: ctx.updated }),

  bulkTables: ['people', 'search_documents', 'affiliations'],

  searchDocs: (records) => records.map(personSearchDoc),

  async land(ex, records, searchRows) {
    const fresh = records.filter((p) => !p.existingId);
    const updates = records.filter((p) => p.existingId);
    const affiliationOf = (p: PersonRecord) => ({
      personId: p.existingId ?? p.id,
      organizationId: p.organizationId,
      organizationName: p.organizationName ?? '',
      position: p.position,
    });
    await insertPeople(ex, fresh);
    await insertAffiliations(ex, fresh.filter((p) => p.organizationName || p.position).map(affiliationOf));
    await updatePeopleFromImport(ex, updates);
    await mergeAffiliationsFromImport(ex, updates.filter((p) => p.organizationName).map(affiliationOf));
    const updated = new Set(updates.map((p) => p.id));
    await insertSearchRows(ex, updated.size ? searchRows.filter((r) => !updated.has(r.entityId)) : searchRows);
    // an updated person's document is rebuilt from the record as it now is, by the people feature's builder
    if (updates.length) await reindexPeople(ex, updates.map((p) => p.existingId!));
  },

  async duplicates(db, _ctx, actor, rows) {
    const named = (rows as ParsedRow<PersonKey>[]).filter((r) => r.get('name') !== '');
    // the people feature's one duplicate finder, the whole chunk in one statement
    const found = await findPersonDuplicatesBatch(
      db,
      actor,
      named.map((r) => ({ name: r.get('name'), phone: MASKED_PHONE.test(r.get('phone')) ? null : r.get('phone') || null, organizationNames: [r.get('organization')] })),
      PER_ROW,
    );
    return named
      .map((r, i) => ({
        row: r.row,
        candidates: found[i].map(
          (c): ImportDuplicateCandidate => ({
            id: c.id,
            row: null,
            name: c.name,
            districtName: c.districtCode ? (districtName(c.districtCode) ?? null) : null,
            uscc: null,
            reason: c.reason,
            score: c.score,
          }),
        ),
      }))
      .filter((d) => d.candidates.length > 0);
  },
};

/** A parsed row as a probe of the people feature's matcher. */
const probeOf = (p: PersonRecord): PersonDuplicateQuery => ({
  name: p.name,
  phone: p.phone,
  email: p.email,
  maskedPhone: p.maskedPhone,
  maskedEmail: p.maskedEmail,
  organizationIds: p.organizationId ? [p.organizationId] : [],
  organizationNames: p.organizationName ? [p.organizationName] : [],
});

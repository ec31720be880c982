import { randomUUID } from 'node:crypto';
import type { OrganizationKind } from '../../../../common/domain';
import type { ExistingMode, ImportDuplicateCandidate } from '../../../../common/schemas/io';
import { districtCodeByName, districtName, usccProblem } from '../../../../common/validators';
import { industries, organizations } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { nameNorm, toHalfWidthAlnum } from '../../lib/text';
import { reindexOrganizations } from '../organizations/organization-detail.service';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { findOrganizationDuplicatesBatch, organizationsMatchingExactly, sortCandidates } from '../organizations/organization-duplicates.repository';
import { organizationSearchDoc as buildOrganizationSearchDoc } from '../organizations/organizations.presenter';
import type { SearchDoc } from '../search/search-index';
import { organizationColumns, type OrganizationKey } from './io-columns';
import { timed } from './io-phases';
import { checkIndustryLinks, insertIndustryLinks, insertOrganizations, insertSearchRows, updateOrganizationsFromImport, type OrganizationInsert } from './io-import.repository';
import { organizationKindVocabulary, organizationSizeVocabulary, splitList } from '../../../../common/labels';
import { charLength, enumerationCell, importDistrict, type Importer, matchedRow, notAllowed, type ParsedRow, rowCells, type RowErrors, tooLong } from './io-row';

export { nameNorm };

export interface OrganizationRecord extends OrganizationInsert {
  row: number;
  industryIds: string[];
  /** existing=update: the record this row matched exactly and updates */
  existingId?: string;
}

interface Ctx {
  actor: Actor;
  existing: ExistingMode;
  skipped: number;
  updated: number;
  /** /check: time left for near-name searches, rows searched so far */
  nearBudgetMs: number;
  nearChecked: number;
  industryByName: Map<string, string>;
  seenUscc: Map<string, number>;
  seenName: Map<string, number>;
  /** for /check: names, aliases and credit codes of earlier rows */
  fileNames: Map<string, FileKey>;
  /** the directory held no organisation when the import began (and nobody else writes meanwhile): nothing to match */
  noneBefore: boolean;
}

interface FileKey {
  row: number;
  name: string;
  uscc: string | null;
  districtCode: string | null;
  via: 'name' | 'alias' | 'uscc';
}

/** candidates listed per row of a check */
const PER_ROW = 5;
/** rows per near-name query: each is a trigram index search, so a group stays well under the health target */
const NEAR_GROUP = 4;
/** time a check may spend on near names (exact matches are always searched for every row) */
const NEAR_BUDGET_MS = 4000;

const WEBSITE = /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?(\/\S*)?$/iu;

/** The search document of an imported organisation, from the organisations feature's one builder. */
export function organizationSearchDoc(o: OrganizationRecord): SearchDoc {
  return buildOrganizationSearchDoc({ ...o, kind: o.kind as OrganizationKind, formerNames: [] }, o.industryIds);
}

export const organizationImporter: Importer<OrganizationRecord, Ctx> = {
  columns: organizationColumns,

  async prepare(ex, actor, opts) {
    const all = await ex.select({ id: industries.id, name: industries.name }).from(industries);
    const noneBefore = !!opts?.alone && !(await ex.select({ id: organizations.id }).from(organizations).limit(1)).length;
    return {
      noneBefore,
      actor,
      existing: opts?.existing ?? 'skip',
      skipped: 0,
      updated: 0,
      nearBudgetMs: NEAR_BUDGET_MS,
      nearChecked: 0,
      industryByName: new Map(all.map((i) => [nameNorm(i.name), i.id])),
      seenUscc: new Map(),
      seenName: new Map(),
      fileNames: new Map(),
    };
  },

  check(ctx, rows, errors: RowErrors<OrganizationKey>) {
    const records: OrganizationRecord[] = [];
    for (const r of rows as ParsedRow<OrganizationKey>[]) {
      const { add, text } = rowCells(r, errors);
      const name = r.get('name');
      const norm = nameNorm(name);
      if (!name) add('name', '必填');
      else if (charLength(name) > 200) add('name', tooLong(200));
      else if (ctx.seenName.has(norm)) add('name', `与第${ctx.seenName.get(norm)}行的名称重复`);
      else ctx.seenName.set(norm, r.row);

      const kind = enumerationCell(r.get('kind'), organizationKindVocabulary, (m) => add('kind', m));

      const districtCode = importDistrict(r.get('district'), ctx.actor, (m) => add('district', m));

      const usccText = toHalfWidthAlnum(r.get('uscc')).replace(/\s+/g, '').toUpperCase();
      const uscc = usccText === '' ? null : usccText;
      if (uscc) {
        const problem = usccProblem(uscc);
        if (problem) add('uscc', problem);
        else if (ctx.seenUscc.has(uscc)) add('uscc', `与第${ctx.seenUscc.get(uscc)}行的统一社会信用代码重复`);
        else ctx.seenUscc.set(uscc, r.row);
      }

      const aliases = splitList(r.get('aliases')).filter((a) => a !== name);
      if (aliases.length > 30) add('aliases', '别名最多30个');
      if (aliases.some((a) => charLength(a) > 200)) add('aliases', '每个别名不能超过200字');

      const industryIds: string[] = [];
      for (const i of splitList(r.get('industries'), true)) {
        const id = ctx.industryByName.get(nameNorm(i));
        if (id) industryIds.push(id);
        else add('industries', `产业“${i}”不存在，请填写系统中已有的产业名称`);
      }

      const sizeText = r.get('size');
      const size = sizeText ? organizationSizeVocabulary.parse(sizeText) : undefined;
      if (sizeText && !size) add('size', notAllowed(sizeText, organizationSizeVocabulary.allowed));

      const website = text('website', 300);
      if (website && !WEBSITE.test(website)) add('website', '网址格式不正确（如 https://www.example.com）');
      const address = text('address', 300);
      const description = text('description', 5000);

      if (!errors.has(r.row) && kind) {
        records.push({
          row: r.row,
          id: randomUUID(),
          name,
          nameNorm: norm,
          kind,
          districtCode,
          uscc,
          aliases,
          address,
          size: size ?? null,
          website,
          description,
          industryIds: [...new Set(industryIds)],
        });
      }
    }
    return records;
  },

  async confirm(ex, ctx, records, errors: RowErrors<OrganizationKey>) {
    // A row matching an existing record exactly (the same credit code, or the same normalized name and no
    // other credit code) is that record: skipped or updated, never added again. A credit code taken by a
    // record the actor may not see is refused (the code is unique) without naming that record. Into a directory
    // that held no organisation, only rows of this file could match, and check() refused those already.
    if (ctx.noneBefore) return records;
    const match = await organizationsMatchingExactly(ex, ctx.actor, records);
    return records.filter((o) => {
      const m = match(o);
      if (!m) return true;
      if (!m.visible) {
        errors.add(o.row, 'uscc', '该统一社会信用代码已被系统中的其他单位使用');
        return false;
      }
      return matchedRow(ctx, o, m.id);
    });
  },

  tally: (ctx) => ({ skipped: ctx.skipped, updated: ctx.updated }),

  bulkTables: ['organizations', 'search_documents', 'organization_industries'],

  afterBulk: (ex) => checkIndustryLinks(ex, 'organization'),

  copiesSearchRows: true,

  searchDocs: (records) => records.map(organizationSearchDoc),

  async land(ex, records, searchRows, opts) {
    const fresh = records.filter((o) => !o.existingId);
    const updates = records.filter((o) => o.existingId);
    await timed('insert organizations', () => insertOrganizations(ex, fresh, { copy: opts?.copy }));
    await updateOrganizationsFromImport(ex, updates);
    // the new records' links cannot exist yet; the matched records' may
    const links = (list: OrganizationRecord[]) => list.flatMap((o) => o.industryIds.map((i): [string, string] => [o.existingId ?? o.id, i]));
    await timed('insert industry links', async () => {
      await insertIndustryLinks(ex, 'organization', links(fresh), { fresh: true, bulk: opts?.bulk, copy: opts?.copy });
      await insertIndustryLinks(ex, 'organization', links(updates));
    });
    const updated = new Set(updates.map((o) => o.id));
    // the documents of new records (new ids): a plain insert
    await timed('insert search documents', () =>
      insertSearchRows(ex, updated.size ? searchRows.filter((r) => !updated.has(r.entityId)) : searchRows, { fresh: true, copy: opts?.copy }),
    );
    // an updated record's document is rebuilt from the record as it now is, by the one builder
    if (updates.length) await reindexOrganizations(ex, updates.map((o) => o.existingId!));
  },

  nearNamesChecked: (ctx) => ctx.nearChecked,

  async duplicates(db, ctx, actor, rows) {
    const named = (rows as ParsedRow<OrganizationKey>[])
      .map((r) => ({
        row: r.row,
        name: r.get('name'),
        norm: nameNorm(r.get('name')),
        uscc: toHalfWidthAlnum(r.get('uscc')).replace(/\s+/g, '').toUpperCase() || null,
        aliases: splitList(r.get('aliases')),
        districtCode: districtCodeByName(r.get('district')) ?? null,
      }))
      .filter((r) => r.norm !== '');
    // the organisations feature's one duplicate finder: exact kinds for the whole chunk in one statement,
    // near names in small groups (a trigram search per row) while the file's time budget lasts
    const found = await db.transaction((tx) => findOrganizationDuplicatesBatch(tx, actor, named, { limit: PER_ROW, kinds: 'exact' }));
    // (rows already matching a record exactly are flagged anyway: near names are searched for the others)
    const open = named.map((_, i) => i).filter((i) => found[i].length === 0);
    ctx.nearChecked += named.length - open.length;
    for (let g = 0; g < open.length && ctx.nearBudgetMs > 0; g += NEAR_GROUP) {
      const group = open.slice(g, g + NEAR_GROUP);
      const t0 = performance.now();
      const near = await db.transaction((tx) => findOrganizationDuplicatesBatch(tx, actor, group.map((i) => named[i]), { limit: PER_ROW, kinds: 'near' }));
      ctx.nearBudgetMs -= performance.now() - t0;
      ctx.nearChecked += group.length;
      near.forEach((list, j) => (found[group[j]] = sortCandidates([...found[group[j]], ...list], PER_ROW)));
      await yieldToEventLoop(); // health and other requests go in between (the embedded database shares this thread)
    }
    return named
      .map((r, i) => {
        const candidates: ImportDuplicateCandidate[] = found[i].map((c) => ({ ...c, row: null }));
        const keys: [string, FileKey['via']][] = [[`n:${r.norm}`, 'name'], ...r.aliases.map((a): [string, 'alias'] => [`n:${nameNorm(a)}`, 'alias'])];
        if (r.uscc) keys.push([`u:${r.uscc}`, 'uscc']);
        const inFile = new Set<number>();
        for (const [key, via] of keys) {
          const hit = ctx.fileNames.get(key);
          if (!hit || inFile.has(hit.row)) continue;
          inFile.add(hit.row);
          const reason = via === 'alias' || hit.via === 'alias' ? 'alias' : via;
          const district = hit.districtCode ? (districtName(hit.districtCode) ?? null) : null;
          candidates.push({ id: null, row: hit.row, name: hit.name, districtName: district, uscc: hit.uscc, reason, score: reason === 'alias' ? 0.9 : 1 });
        }
        for (const [key, via] of keys) {
          if (!ctx.fileNames.has(key)) ctx.fileNames.set(key, { row: r.row, name: r.name, uscc: r.uscc, districtCode: r.districtCode, via });
        }
        return { row: r.row, candidates: candidates.sort((a, b) => b.score - a.score) };
      })
      .filter((d) => d.candidates.length > 0);
  },
};

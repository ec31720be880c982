import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { OrganizationKind } from '../../../../common/domain';
import { districtCodeByName, districtName, usccProblem } from '../../../../common/validators';
import { industries, organizations } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { scopeCondition } from '../../lib/scope';
import { normalizeText, toHalfWidthAlnum } from '../../lib/text';
import type { SearchDoc } from '../search/search-index';
import { organizationColumns, type OrganizationKey } from './io-columns';
import { findOrganizationDuplicates } from './io-duplicates.repository';
import { insertIndustryLinks, insertOrganizations, insertSearchRows, rowsOf, textArray, type OrganizationInsert } from './io-import.repository';
import { organizationKindVocabulary, organizationSizeVocabulary, splitList } from '../../../../common/labels';
import { charLength, notAllowed, type Importer, type ParsedRow, type RowErrors } from './io-row';
import { canImportInto, scopeNames } from './io.policy';

export const nameNorm = (name: string) => normalizeText(name).toLowerCase();

export interface OrganizationRecord extends OrganizationInsert {
  row: number;
  industryIds: string[];
}

interface Ctx {
  actor: Actor;
  industryByName: Map<string, string>;
  seenUscc: Map<string, number>;
  seenName: Map<string, number>;
  /** for /check: names, aliases and credit codes of earlier rows */
  fileNames: Map<string, FileKey>;
}

interface FileKey {
  row: number;
  name: string;
  uscc: string | null;
  districtCode: string | null;
  via: 'name' | 'alias' | 'uscc';
}

const WEBSITE = /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?(\/\S*)?$/iu;
const tooLong = (max: number) => `不能超过${max}个字`;

/** Text of a search document for an organisation: the same fields the organisations feature indexes. */
export function organizationSearchDoc(o: OrganizationRecord): SearchDoc {
  const district = o.districtCode ? districtName(o.districtCode) : undefined;
  return {
    entityType: 'organization',
    entityId: o.id,
    title: o.name,
    subtitle: [organizationKindVocabulary.label(o.kind as OrganizationKind), district].filter(Boolean).join(' · '),
    aliases: o.aliases,
    texts: [o.uscc, o.address, o.description],
    districtCode: o.districtCode,
    kind: o.kind,
    industryIds: o.industryIds,
  };
}

export const organizationImporter: Importer<OrganizationRecord, Ctx> = {
  columns: organizationColumns,

  async prepare(ex, actor) {
    const all = await ex.select({ id: industries.id, name: industries.name }).from(industries);
    return {
      actor,
      industryByName: new Map(all.map((i) => [nameNorm(i.name), i.id])),
      seenUscc: new Map(),
      seenName: new Map(),
      fileNames: new Map(),
    };
  },

  check(ctx, rows, errors: RowErrors<OrganizationKey>) {
    const records: OrganizationRecord[] = [];
    for (const r of rows as ParsedRow<OrganizationKey>[]) {
      const add = (key: OrganizationKey, message: string) => errors.add(r.row, key, message);
      const text = (key: OrganizationKey, max: number) => {
        const v = r.get(key);
        if (charLength(v) > max) add(key, tooLong(max));
        return v === '' ? null : v;
      };
      const name = r.get('name');
      const norm = nameNorm(name);
      if (!name) add('name', '必填');
      else if (charLength(name) > 200) add('name', tooLong(200));
      else if (ctx.seenName.has(norm)) add('name', `与第${ctx.seenName.get(norm)}行的名称重复`);
      else ctx.seenName.set(norm, r.row);

      const kindText = r.get('kind');
      const kind = kindText ? organizationKindVocabulary.parse(kindText) : undefined;
      if (!kindText) add('kind', `必填，可选：${organizationKindVocabulary.allowed.join('、')}`);
      else if (!kind) add('kind', notAllowed(kindText, organizationKindVocabulary.allowed));

      const districtText = r.get('district');
      const districtCode = districtText ? (districtCodeByName(districtText) ?? null) : null;
      if (districtText && !districtCode) add('district', `无法识别“${districtText}”，请填写上海市的区名（如 浦东新区）或行政区划代码（如 310115）`);
      else if (!canImportInto(ctx.actor, districtCode)) {
        add('district', districtCode ? `您只能导入所辖区（${scopeNames(ctx.actor)}）的数据` : `必填：您只能导入所辖区（${scopeNames(ctx.actor)}）的数据`);
      }

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

  async confirm(ex, _ctx, records, errors: RowErrors<OrganizationKey>) {
    // a credit code already in the directory (anywhere: the code is unique) is refused
    const usccs = records.map((o) => o.uscc).filter((u): u is string => u !== null);
    if (!usccs.length) return records;
    const taken = new Set(
      rowsOf<{ uscc: string }>(await ex.execute(sql`select uscc from organizations where uscc = any(${textArray(usccs)})`)).map((t) => t.uscc),
    );
    return records.filter((o) => {
      if (!o.uscc || !taken.has(o.uscc)) return true;
      errors.add(o.row, 'uscc', '该统一社会信用代码已被系统中的其他单位使用');
      return false;
    });
  },

  searchDocs: (records) => records.map(organizationSearchDoc),

  async land(ex, records, searchRows) {
    await insertOrganizations(ex, records);
    await insertIndustryLinks(
      ex,
      'organization',
      records.flatMap((o) => o.industryIds.map((i): [string, string] => [o.id, i])),
    );
    await insertSearchRows(ex, searchRows);
  },

  async duplicates(ex, ctx, actor, rows) {
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
    const fromDb = await findOrganizationDuplicates(ex, scopeCondition(actor, 'organization', organizations), named);
    return named
      .map((r) => {
        const candidates = fromDb.get(r.row) ?? [];
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

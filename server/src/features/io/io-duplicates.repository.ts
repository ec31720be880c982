import { sql, type SQL } from 'drizzle-orm';
import type { ImportDuplicateCandidate } from '../../../../common/schemas/io';
import { districtName } from '../../../../common/validators';
import type { Executor } from '../../db/client';
import { normalizeText } from '../../lib/text';
import { rowsOf, textArray } from './io-import.repository';

/** pg_trgm similarity of normalized names from which two organisations are likely the same */
export const SIMILAR_NAME = 0.6;
const PER_ROW = 5;

interface Probe {
  row: number;
  name: string;
  norm: string;
  uscc: string | null;
  aliases: string[];
}

/**
 * Organisations (within `scope`) that rows of a file may duplicate, by row, best first: the same credit
 * code, the same normalized name, the name among their aliases (or an alias of the row being their
 * name), a near name (trigram similarity ≥ 0.6, through the GIN trigram index). One query per batch.
 */
export async function findOrganizationDuplicates(
  ex: Executor,
  scope: SQL | undefined,
  probes: Probe[],
): Promise<Map<number, ImportDuplicateCandidate[]>> {
  const out = new Map<number, ImportDuplicateCandidate[]>();
  if (!probes.length) return out;
  const SEP = '\u001f';
  const aliasForms = probes.map((p) => [...new Set([...p.aliases, ...p.aliases.map((a) => normalizeText(a).toLowerCase())])].join(SEP));
  const res = await ex.execute(sql`
    select t.i::int as i, d.id, d.name, d.district_code, d.uscc, d.reason, d.score::float8 as score
    from unnest(${textArray(probes.map((p) => p.name))}, ${textArray(probes.map((p) => p.norm))},
      ${textArray(probes.map((p) => p.uscc ?? ''))}, ${textArray(aliasForms)}) with ordinality as t(name, norm, uscc, aliases, i)
    cross join lateral (
      select organizations.id, organizations.name, organizations.district_code, organizations.uscc,
        case when organizations.uscc = t.uscc then 'uscc'
          when organizations.name_norm = t.norm then 'name'
          when organizations.aliases && array[t.name, t.norm]
            or organizations.name_norm = any(coalesce(string_to_array(nullif(t.aliases, ''), chr(31)), '{}'::text[])) then 'alias'
          else 'similar' end as reason,
        similarity(organizations.name_norm, t.norm) as score
      from organizations
      where (organizations.uscc = t.uscc
          or organizations.name_norm = t.norm
          or organizations.aliases && array[t.name, t.norm]
          or organizations.name_norm = any(coalesce(string_to_array(nullif(t.aliases, ''), chr(31)), '{}'::text[]))
          or (organizations.name_norm % t.norm and similarity(organizations.name_norm, t.norm) >= ${SIMILAR_NAME}))
        ${scope ? sql`and ${scope}` : sql``}
      order by case when organizations.uscc = t.uscc then 0 when organizations.name_norm = t.norm then 1 else 2 end,
        similarity(organizations.name_norm, t.norm) desc
      limit ${PER_ROW}
    ) d`);
  const score = { uscc: 1, name: 1, alias: 0.9 } as const;
  for (const r of rowsOf<{ i: number; id: string; name: string; district_code: string | null; uscc: string | null; reason: ImportDuplicateCandidate['reason']; score: number }>(res)) {
    const probe = probes[r.i - 1];
    const list = out.get(probe.row) ?? [];
    list.push({
      id: r.id,
      row: null,
      name: r.name,
      districtName: r.district_code ? (districtName(r.district_code) ?? null) : null,
      uscc: r.uscc,
      reason: r.reason,
      score: r.reason === 'similar' ? Math.round(r.score * 100) / 100 : score[r.reason as keyof typeof score],
    });
    out.set(probe.row, list);
  }
  return out;
}

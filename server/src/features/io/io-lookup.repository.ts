import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organizations, people } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { nameNorm as norm } from '../../lib/text';
import { readCondition } from '../../lib/visibility';
import { rowsOf, textArray } from './io-import.repository';


export type Match = { id: string } | { ambiguous: true } | undefined;

/**
 * Organisations written by name in a file (a person's 单位, a member): the record whose name is exactly
 * that, else whose normalized name is, else the one that has it as an alias. Several at the same level
 * → ambiguous. Only what the actor may see is found (linking needs the right to see: an import must
 * not tell which names exist outside the actor's scope).
 */
export async function organizationsByName(ex: Executor, actor: Actor, names: string[]) {
  const scope = readCondition(actor, 'organization', organizations);
  const wanted = [...new Set(names.filter((n) => n !== ''))];
  const byName = new Map<string, Match>();
  if (!wanted.length) return (name: string) => byName.get(name);
  const norms = [...new Set(wanted.map(norm))];
  const rows = rowsOf<{ id: string; name: string; name_norm: string; aliases: string[] }>(
    await ex.execute(sql`
      select id, name, name_norm, aliases from organizations
      where (name = any(${textArray(wanted)}) or name_norm = any(${textArray(norms)}) or aliases && ${textArray(wanted)})
        ${scope ? sql`and ${scope}` : sql``}`),
  );
  for (const name of wanted) {
    const n = norm(name);
    const levels = [
      rows.filter((r) => r.name === name),
      rows.filter((r) => r.name_norm === n),
      rows.filter((r) => r.aliases.includes(name)),
    ];
    const best = levels.find((l) => l.length > 0);
    byName.set(name, !best ? undefined : best.length === 1 ? { id: best[0].id } : { ambiguous: true });
  }
  return (name: string) => byName.get(name);
}

/** People by normalized name, among those the actor may see: the one with that name, or ambiguous when several have it. */
export async function peopleByName(ex: Executor, actor: Actor, names: string[]) {
  const scope = readCondition(actor, 'person', people);
  const norms = [...new Set(names.filter((n) => n !== '').map(norm))];
  const ids = new Map<string, string[]>();
  if (norms.length) {
    const rows = rowsOf<{ id: string; name_norm: string }>(
      await ex.execute(sql`select id, name_norm from people where name_norm = any(${textArray(norms)}) ${scope ? sql`and ${scope}` : sql``}`),
    );
    for (const r of rows) ids.set(r.name_norm, [...(ids.get(r.name_norm) ?? []), r.id]);
  }
  return (name: string): Match => {
    const hit = ids.get(norm(name));
    return !hit ? undefined : hit.length === 1 ? { id: hit[0] } : { ambiguous: true };
  };
}

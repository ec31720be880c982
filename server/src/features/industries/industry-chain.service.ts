import type { IndustryChain } from '../../../../common/schemas/industries';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import * as repo from './industries.repository';

const PER_NODE = 20;

const groupByIndustry = (rows: repo.ChainOrganizationRow[]) => {
  const m = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) m.set(r.industry_id, [...(m.get(r.industry_id) ?? []), { id: r.id, name: r.name }]);
  return m;
};

/**
 * The industry chain as a graph for ECharts: industries as nodes (each with the organisations the
 * actor may see that are tagged with it, ≤ 20 with its chain leaders first, and its chain leaders)
 * and upstream → downstream links. With an industry: the chain through it (everything upstream and
 * downstream of it); without: the whole taxonomy.
 */
export async function industryChain(db: Db, actor: Actor, industryId?: string): Promise<IndustryChain> {
  const [all, links] = await Promise.all([repo.allIndustries(db), repo.allLinks(db)]);
  let ids: string[] | undefined;
  if (industryId) {
    if (!all.some((i) => i.id === industryId)) {
      throw new AppError('VALIDATION', { fields: [{ path: 'industryId', message: '产业不存在 / industry not found' }] });
    }
    ids = await repo.chainThrough(db, industryId);
  }
  const inChain = ids ? new Set(ids) : undefined;
  const scope = repo.organizationScope(actor);
  const [first, leaders, counts] = await Promise.all([
    repo.firstTaggedOrganizations(db, ids, scope, PER_NODE),
    repo.chainLeaders(db, ids, scope),
    repo.organizationCounts(db, scope),
  ]);
  const firstBy = groupByIndustry(first);
  const leadersBy = groupByIndustry(leaders);

  const nodes = all
    .filter((i) => !inChain || inChain.has(i.id))
    .map((i) => {
      const lead = (leadersBy.get(i.id) ?? []).slice(0, PER_NODE);
      const leadIds = new Set(lead.map((o) => o.id));
      const rest = (firstBy.get(i.id) ?? []).filter((o) => !leadIds.has(o.id));
      return {
        id: i.id,
        name: i.name,
        organizationCount: counts.get(i.id) ?? 0,
        organizations: [...lead, ...rest].slice(0, PER_NODE),
        chainLeaders: lead,
      };
    });
  return {
    nodes,
    links: links
      .filter((l) => !inChain || (inChain.has(l.upstreamId) && inChain.has(l.downstreamId)))
      .map((l) => ({ source: l.upstreamId, target: l.downstreamId })),
  };
}

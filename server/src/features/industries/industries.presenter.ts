import type { Industry } from '../../../../common/schemas/industries';
import type { IndustryRow } from './industries.repository';

export function presentIndustry(
  i: IndustryRow,
  links: { upstreamId: string; downstreamId: string }[],
  organizationCount: number,
): Industry {
  return {
    id: i.id,
    name: i.name,
    parentId: i.parentId,
    description: i.description,
    sort: i.sort,
    organizationCount,
    upstreamIds: links.filter((l) => l.downstreamId === i.id).map((l) => l.upstreamId),
    downstreamIds: links.filter((l) => l.upstreamId === i.id).map((l) => l.downstreamId),
  };
}

export const auditIndustry = (i: IndustryRow) => ({ name: i.name, parentId: i.parentId, description: i.description, sortOrder: i.sort });

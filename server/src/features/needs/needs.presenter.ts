import { openNeedStatuses } from '../../../../common/need-workflow';
import type { Need } from '../../../../common/schemas/needs';
import { districtName } from '../../../../common/validators';
import type { NeedRow } from './needs.repository';

/** Which deadline is past on `today` (the same rule as overdueSql in the repository, for one row). */
export function overdueOf(n: Pick<NeedRow, 'status' | 'respondBy' | 'resolveBy'>, today: string): 'respond' | 'resolve' | null {
  if (n.status === 'submitted' && n.respondBy && n.respondBy < today) return 'respond';
  if (openNeedStatuses.includes(n.status) && n.resolveBy && n.resolveBy < today) return 'resolve';
  return null;
}

export function presentNeed(n: NeedRow, industryNames: ReadonlyMap<string, string>, today: string): Need {
  return {
    id: n.id,
    organizationId: n.organizationId,
    organizationName: n.organizationName,
    category: n.category,
    title: n.title,
    description: n.description,
    industryIds: n.industryIds,
    industryNames: n.industryIds.map((id) => industryNames.get(id)).filter((x): x is string => !!x),
    districtCode: n.districtCode,
    districtName: n.districtCode ? (districtName(n.districtCode) ?? null) : null,
    urgency: n.urgency,
    wantedBy: n.wantedBy,
    status: n.status,
    respondBy: n.respondBy,
    resolveBy: n.resolveBy,
    overdue: overdueOf(n, today),
    rating: n.rating,
    ratingComment: n.ratingComment,
    demo: n.demo,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

/** The audit snapshot of a need (its name is the title). */
export const auditNeed = (n: Pick<NeedRow, 'title' | 'category' | 'status' | 'organizationId' | 'districtCode' | 'urgency' | 'wantedBy' | 'rating'>) => ({
  name: n.title,
  category: n.category,
  status: n.status,
  organizationId: n.organizationId,
  districtCode: n.districtCode,
  urgency: n.urgency,
  wantedBy: n.wantedBy,
  rating: n.rating,
});

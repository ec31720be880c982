import type { Organization } from '../../../../common/schemas/organizations';
import { districtName } from '../../../../common/validators';
import type { OrganizationRow } from './organizations.repository';

export function presentOrganization(o: OrganizationRow): Organization {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    districtCode: o.districtCode,
    districtName: o.districtCode ? (districtName(o.districtCode) ?? null) : null,
    uscc: o.uscc,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export const auditOrganization = (o: OrganizationRow) => ({
  name: o.name,
  kind: o.kind,
  districtCode: o.districtCode,
  uscc: o.uscc,
});

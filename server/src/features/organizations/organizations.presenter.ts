import type { OrganizationKind } from '../../../../common/domain';
import type { MemberOf, Organization, OrganizationDetail, Ref } from '../../../../common/schemas/organizations';
import { organizationKindLabels } from '../../../../common/labels';
import { districtName } from '../../../../common/validators';
import type { SearchDoc } from '../search/search-index';
import type { OrganizationRow } from './organizations.repository';

/** Chinese label of an organisation kind (search subtitles): the one the spreadsheets write. */
export const organizationKindLabel = (kind: OrganizationKind) => organizationKindLabels[kind][0]!;

export const districtNameOf = (code: string | null) => (code ? (districtName(code) ?? null) : null);

export function presentOrganization(o: OrganizationRow, industries: Ref[]): Organization {
  return {
    id: o.id,
    name: o.name,
    aliases: o.aliases,
    kind: o.kind,
    districtCode: o.districtCode,
    districtName: districtNameOf(o.districtCode),
    uscc: o.uscc,
    industries,
    size: o.size,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export interface OrganizationPerson {
  personId: string;
  name: string;
  position: string | null;
  isContact: boolean;
}

export function presentOrganizationDetail(
  o: OrganizationRow,
  industries: Ref[],
  people: OrganizationPerson[],
  memberships: MemberOf[],
): OrganizationDetail {
  return {
    ...presentOrganization(o, industries),
    formerNames: o.formerNames,
    address: o.address,
    lng: o.lng,
    lat: o.lat,
    website: o.website,
    description: o.description,
    contacts: people.filter((p) => p.isContact).map(({ personId, name, position }) => ({ personId, name, position })),
    people,
    memberships,
  };
}

/** What the audit log keeps of an organisation. */
export const auditOrganization = (o: OrganizationRow, industryIds?: string[]) => ({
  name: o.name,
  kind: o.kind,
  districtCode: o.districtCode,
  uscc: o.uscc,
  aliases: o.aliases,
  formerNames: o.formerNames,
  address: o.address,
  lng: o.lng,
  lat: o.lat,
  size: o.size,
  website: o.website,
  description: o.description,
  ...(industryIds ? { industryIds } : {}),
});

/** The search document of an organisation: its name, then aliases, former names, code, address, description. */
/** What the one organisation search-document builder reads: a stored row, an imported or a generated record. */
export type OrganizationSearchFields = Pick<OrganizationRow, 'id' | 'name' | 'kind' | 'districtCode' | 'aliases' | 'formerNames' | 'uscc' | 'address' | 'description'>;

/** The one builder of an organisation's search document: the form, the import, the merge, the demo and the generator call it. */
export function organizationSearchDoc(o: OrganizationSearchFields, industryIds: string[]): SearchDoc {
  const district = districtNameOf(o.districtCode);
  return {
    entityType: 'organization',
    entityId: o.id,
    title: o.name,
    subtitle: [organizationKindLabel(o.kind), district].filter(Boolean).join(' · '),
    aliases: o.aliases,
    formerNames: o.formerNames,
    texts: [o.uscc, o.address, o.description],
    districtCode: o.districtCode,
    kind: o.kind,
    industryIds,
  };
}

import type { MemberOf, Ref } from '../../../../common/schemas/organizations';
import { shanghaiToday } from '../../../../common/shanghai-date';
import type { Affiliation, Person, PersonDetail } from '../../../../common/schemas/people';
import type { Actor } from '../../lib/actor';
import { maskValue } from '../audit/audit-mask';
import { districtNameOf } from '../organizations/organizations.presenter';
import type { SearchDoc } from '../search/search-index';
import type { AffiliationRow, PersonRow } from './people.repository';
import { canReadBio, canReadPolitical } from './people.policy';

/** Today in Shanghai, YYYY-MM-DD. */
export const today = shanghaiToday;

type AffiliationLike = Pick<AffiliationRow, 'organizationName' | 'position' | 'endOn'>;
const isCurrent = (a: AffiliationLike, day: string) => !a.endOn || a.endOn >= day;

/** Current titles as printed: "上海交通大学副校长、上海交通大学知联会会长". */
export function titlesOf(affiliations: AffiliationLike[]): string {
  const day = today();
  return [...new Set(affiliations.filter((a) => isCurrent(a, day)).map((a) => `${a.organizationName}${a.position ?? ''}`))].join('、');
}

/** 138****5678 */
export const maskPhone = (v: string | null) => (v == null ? null : String(maskValue('phone', v)));
/** z***@sjtu.edu.cn */
export const maskEmail = (v: string | null) => (v == null ? null : String(maskValue('email', v)));

export function presentPerson(p: PersonRow, affiliations: AffiliationLike[], industries: Ref[], actor: Actor): Person {
  const political = canReadPolitical(actor, p);
  return {
    id: p.id,
    name: p.name,
    roles: p.roles,
    titles: titlesOf(affiliations),
    districtCode: p.districtCode,
    districtName: districtNameOf(p.districtCode),
    expertise: p.expertise,
    industries,
    phone: maskPhone(p.phone),
    email: maskEmail(p.email),
    politicalAffiliation: political ? p.politicalAffiliation : null,
    politicalHidden: !political && p.politicalAffiliation != null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const presentAffiliation = (a: AffiliationRow): Affiliation => ({
  id: a.id,
  organizationId: a.organizationId,
  organizationName: a.organizationName,
  position: a.position,
  startOn: a.startOn,
  endOn: a.endOn,
  isContact: a.isContact,
});

export function presentPersonDetail(
  p: PersonRow,
  affiliations: AffiliationRow[],
  industries: Ref[],
  memberships: MemberOf[],
  actor: Actor,
): PersonDetail {
  return {
    ...presentPerson(p, affiliations, industries, actor),
    bio: canReadBio(actor) ? p.bio : null,
    politicalConsent: p.politicalConsent,
    affiliations: affiliations.map(presentAffiliation),
    memberships,
  };
}

/** What the audit log keeps of a person (phone, e-mail and political affiliation are masked by recordAudit). */
export const auditPerson = (p: PersonRow, affiliations?: AffiliationRow[], industryIds?: string[]) => ({
  name: p.name,
  roles: p.roles,
  districtCode: p.districtCode,
  expertise: p.expertise,
  bio: p.bio,
  phone: p.phone,
  email: p.email,
  politicalAffiliation: p.politicalAffiliation,
  politicalConsent: p.politicalConsent,
  ...(affiliations
    ? { affiliations: affiliations.map((a) => ({ organizationId: a.organizationId, organizationName: a.organizationName, position: a.position })) }
    : {}),
  ...(industryIds ? { industryIds } : {}),
});

/** The search document of a person: name, titles, organisations and expertise; never phone, e-mail or political affiliation. */
/** What the one person search-document builder reads: a stored row, an imported or a generated record. */
export type PersonSearchFields = Pick<PersonRow, 'id' | 'name' | 'districtCode' | 'expertise'>;

/** The one builder of a person's search document: the form, the import, the merges, the demo and the generator call it. */
export function personSearchDoc(p: PersonSearchFields, affiliations: AffiliationLike[], industryIds: string[]): SearchDoc {
  return {
    entityType: 'person',
    entityId: p.id,
    title: p.name,
    subtitle: titlesOf(affiliations) || null,
    texts: [...new Set(affiliations.flatMap((a) => [a.position, a.organizationName]))].concat(p.expertise),
    districtCode: p.districtCode,
    industryIds,
  };
}

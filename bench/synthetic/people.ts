import type { PersonRole } from '../../common/domain';
import { givenNameChars, politicalAffiliations, positionsByKind, surnames, syntheticIndustries } from './names';
import { pickDistrict, type SyntheticOrganization } from './organizations';
import { chance, dateBetween, int, pick, sample, syntheticId, syntheticUuid, weighted, type Rng } from './rng';

export interface SyntheticAffiliation {
  id: string;
  /** index of the generated organisation */
  organizationIndex: number;
  organizationId: string;
  organizationName: string;
  position: string;
  startOn: string | null;
  isContact: boolean;
}

export interface SyntheticPerson {
  id: string;
  key: string;
  name: string;
  roles: PersonRole[];
  expertise: string[];
  bio: string | null;
  phone: string | null;
  email: string | null;
  politicalAffiliation: string | null;
  politicalConsent: boolean;
  districtCode: string | null;
  industryKeys: string[];
  affiliations: SyntheticAffiliation[];
}

const pickSurname = weighted(surnames);
const givenChars = [...new Set(givenNameChars)];
const generalExpertise = ['技术创新', '投融资', '知识产权', '企业管理', '政策咨询', '国际合作', '人才培养', '标准制定', '产业规划', '数字化转型'];
const roleSets = weighted<PersonRole[]>([
  [['expert'], 35], [['staff'], 30], [['representative'], 15], [['expert', 'mentor'], 10], [['mentor'], 5], [['expert', 'representative'], 5],
]);
const mobilePrefixes = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '166', '177', '180', '181', '186', '188', '189', '199'];

/** A common Chinese name: a frequent surname and one or two given-name characters (so 张峰 repeats). */
export function personName(rng: Rng): string {
  const given = chance(rng, 0.35) ? pick(rng, givenChars) : pick(rng, givenChars) + pick(rng, givenChars);
  return pickSurname(rng) + given;
}

/** A fake mainland mobile number (1[3-9]x + 8 digits). */
export function fakeMobile(rng: Rng): string {
  return pick(rng, mobilePrefixes) + String(int(rng, 0, 99_999_999)).padStart(8, '0');
}

export interface PersonContext {
  organizationCount: number;
  /** the generated organisation at an index (regenerated on demand: generation is pure) */
  organizationAt(index: number): SyntheticOrganization;
}

/** One person with roles, expertise, a phone for most, and one to three affiliations to generated organisations. */
export function generatePerson(rng: Rng, index: number, seed: number, ctx: PersonContext): SyntheticPerson {
  const id = syntheticId(seed, 'person', index);
  const name = personName(rng);
  const roles = roleSets(rng);
  const affiliationCount = ctx.organizationCount === 0 ? 0 : weighted([[1, 60], [2, 30], [3, 10]])(rng);
  const affiliations: SyntheticAffiliation[] = [];
  const seen = new Set<number>();
  for (let k = 0; k < affiliationCount; k++) {
    const organizationIndex = int(rng, 0, ctx.organizationCount - 1);
    if (seen.has(organizationIndex)) continue;
    seen.add(organizationIndex);
    const org = ctx.organizationAt(organizationIndex);
    affiliations.push({
      id: syntheticUuid(seed, 'affiliation', index, k),
      organizationIndex,
      organizationId: org.id,
      organizationName: org.name,
      position: pick(rng, positionsByKind[org.kind]),
      startOn: chance(rng, 0.5) ? dateBetween(rng, 2005, 2025) : null,
      isContact: chance(rng, 0.2),
    });
  }
  const firstOrg = affiliations.length ? ctx.organizationAt(affiliations[0].organizationIndex) : null;
  const industryKeys = firstOrg?.industryKeys.length ? [...firstOrg.industryKeys] : [pick(rng, syntheticIndustries).key];
  const industryWords = syntheticIndustries.filter((i) => industryKeys.includes(i.key)).flatMap((i) => i.words);
  const expertise = [...sample(rng, industryWords, int(rng, 0, 2)), ...sample(rng, generalExpertise, int(rng, 0, 2))];
  const political = chance(rng, 0.12) ? pick(rng, politicalAffiliations) : null;
  return {
    id,
    key: `gen-${seed}-person-${index}`,
    name,
    roles,
    expertise,
    bio: chance(rng, 0.2) ? `长期从事${expertise[0] ?? '产业'}相关工作。` : null,
    phone: chance(rng, 0.7) ? fakeMobile(rng) : null,
    email: chance(rng, 0.4) ? `p${seed}x${index.toString(36)}@example.com` : null,
    politicalAffiliation: political,
    politicalConsent: political !== null && chance(rng, 0.6),
    districtCode: firstOrg?.districtCode ?? pickDistrict(rng),
    industryKeys,
    affiliations,
  };
}

/** "上海华谊生物医药科技有限公司总经理、上海市生物医药行业协会理事": the person's titles, as the directory shows them. */
export function personTitles(p: SyntheticPerson): string {
  return p.affiliations.map((a) => `${a.organizationName}${a.position}`).join('、');
}

import type { OrganizationKind, OrganizationSize } from '../../common/domain';
import {
  associationForms,
  banks,
  districtFullName,
  districtShortName,
  districtWeights,
  enterpriseForms,
  governmentBodies,
  groupBrands,
  instituteForms,
  organizationKindWeights,
  otherForms,
  parkForms,
  roadsByDistrict,
  syntheticIndustries,
  tradeNameChars,
  universityForms,
  type SyntheticIndustry,
} from './names';
import { chance, int, pick, syntheticId, weighted, type Rng } from './rng';
import { syntheticUscc, type UsccPrefix } from './uscc';

export interface SyntheticOrganization {
  id: string;
  /** demo_key: 'gen-<seed>-org-<index>', so generated data can be found and removed */
  key: string;
  name: string;
  aliases: string[];
  formerNames: string[];
  kind: OrganizationKind;
  districtCode: string | null;
  uscc: string | null;
  address: string | null;
  size: OrganizationSize | null;
  website: string | null;
  description: string | null;
  /** keys of syntheticIndustries */
  industryKeys: string[];
}

const tradeChars = [...new Set(tradeNameChars)];
export const pickDistrict = weighted(districtWeights);
const pickKind = weighted(organizationKindWeights);
const pickSize = weighted<OrganizationSize>([['micro', 40], ['small', 35], ['medium', 18], ['large', 7]]);

/** A 字号: mostly two characters, sometimes three, sometimes a well-known group's. */
export function tradeName(rng: Rng): string {
  const r = rng();
  if (r < 0.05) return pick(rng, groupBrands);
  const two = pick(rng, tradeChars) + pick(rng, tradeChars);
  return r < 0.15 ? two + pick(rng, tradeChars) : two;
}

const usccPrefix: Record<OrganizationKind, UsccPrefix> = {
  enterprise: '91', soe: '91', bank: '91', park_operator: '91', other: '91',
  university: '12', institute: '12', association: '51', government: '11', party_org: '13',
};

interface NameParts {
  trade: string;
  industry: SyntheticIndustry;
  word: string;
  district: string;
}

/** The name (and, for enterprises, a usual short name) of an organisation of a kind. */
function nameFor(rng: Rng, kind: OrganizationKind, p: NameParts): { name: string; short: string | null } {
  const short = districtShortName(p.district);
  const full = districtFullName(p.district);
  switch (kind) {
    case 'enterprise': {
      const r = rng();
      const form = pick(rng, enterpriseForms);
      const word = form === '科技有限公司' ? p.word.replace(/科技$/, '') : p.word;
      const shortName = p.trade + word.slice(0, 2);
      if (r < 0.6) return { name: `上海${p.trade}${word}${form}`, short: shortName };
      if (r < 0.75) return { name: `${p.trade}（上海）${word}有限公司`, short: shortName };
      if (r < 0.85) return { name: `上海${p.trade}${word}有限公司${short}分公司`, short: null };
      return { name: `${p.trade}${word}${form}`, short: shortName };
    }
    case 'soe':
      return chance(rng, 0.5)
        ? { name: `上海${p.trade}${p.word}集团有限公司`, short: `${p.trade}集团` }
        : { name: `上海${short}${p.industry.name}投资发展（集团）有限公司`, short: null };
    case 'university':
      return { name: `上海${p.trade}${pick(rng, universityForms)}`, short: null };
    case 'institute':
      return chance(rng, 0.6)
        ? { name: `上海${p.trade}${p.word}${pick(rng, instituteForms)}`, short: null }
        : { name: `上海市${short}${p.industry.name}${pick(rng, instituteForms)}`, short: null };
    case 'bank':
      return { name: `${pick(rng, banks)}上海${short}${chance(rng, 0.8) ? `${p.trade}支行` : '支行'}`, short: null };
    case 'association':
      return chance(rng, 0.5)
        ? { name: `上海市${p.industry.name}${pick(rng, associationForms)}`, short: null }
        : { name: `${full}${p.word}${pick(rng, associationForms)}`, short: null };
    case 'government':
      return { name: `上海市${full}${pick(rng, governmentBodies)}`, short: null };
    case 'party_org':
      return { name: `中共上海${p.trade}${p.word}有限公司${chance(rng, 0.5) ? '委员会' : '支部委员会'}`, short: null };
    case 'park_operator':
      return { name: `上海${p.trade}${p.industry.name}${pick(rng, parkForms)}运营管理有限公司`, short: `${p.trade}${pick(rng, parkForms)}` };
    case 'other':
      return { name: `上海${p.trade}${p.word}${pick(rng, otherForms)}`, short: null };
  }
}

/**
 * One organisation, a pure function of the generator: "上海{字号}{行业词}{组织形式}" and the
 * other name patterns of its kind, a weighted district, a valid credit code for most, aliases,
 * an address and one or two industries.
 */
export function generateOrganization(rng: Rng, index: number, seed: number): SyntheticOrganization {
  const id = syntheticId(seed, 'organization', index);
  const kind = pickKind(rng);
  const district = pickDistrict(rng);
  const industry = pick(rng, syntheticIndustries);
  const parts: NameParts = { trade: tradeName(rng), industry, word: pick(rng, industry.words), district };
  const { name, short } = nameFor(rng, kind, parts);
  const aliases = short && chance(rng, 0.4) ? [short] : [];
  const formerNames = kind === 'enterprise' && chance(rng, 0.05) ? [name.replace(/(股份)?有限公司$/, '') + '有限责任公司'] : [];
  const industryKeys: string[] = [industry.key];
  if (chance(rng, 0.3)) {
    const second = pick(rng, syntheticIndustries).key;
    if (second !== industry.key) industryKeys.push(second);
  }
  const hasDistrict = !chance(rng, 0.02);
  const districtCode = hasDistrict ? district : null;
  const uscc = chance(rng, kind === 'party_org' ? 0.1 : 0.7)
    ? syntheticUscc(usccPrefix[kind], district, seed * 10_000_000 + index)
    : null;
  return {
    id,
    key: `gen-${seed}-org-${index}`,
    name,
    aliases,
    formerNames,
    kind,
    districtCode,
    uscc,
    address: chance(rng, 0.8) ? `上海市${districtFullName(district)}${pick(rng, roadsByDistrict[district])}${int(rng, 1, 2000)}号` : null,
    size: kind === 'enterprise' || kind === 'soe' ? pickSize(rng) : null,
    website: chance(rng, 0.15) ? `https://example.com/org/${seed}-${index}` : null,
    description: chance(rng, 0.3)
      ? `${districtFullName(district)}${industry.name}领域${kind === 'enterprise' ? '企业' : '单位'}，主要从事${parts.word}相关的研发与服务。`
      : null,
    industryKeys,
  };
}

/**
 * The labelled set of the match benchmark: 48 needs from the seed articles' domains (technical-needs
 * docking, financing and listing, going overseas, IP, legal, talent, policy) over the industries the
 * generated directory uses, each with the providers a coordinator would pick.
 *
 * How it was made: every need is one of the articles' kinds of need for an enterprise of one of the
 * chains the articles name; the coordinator's rule for a good provider, written down once here, is
 * what a coordinator told us they look for (and what the demo needs follow): someone of the same
 * chain (an expert or organisation tagged with the need's industry) who is the right kind of helper
 * for the category — an expert whose expertise names the chain for technology, talent and IP; a bank
 * for financing and listing; an association or government body for overseas and policy; a university
 * or institute for technology and talent. The labels are computed from the generated directory with
 * that rule (`relevantSql`), not from the ranking's own scores: the text, district, load and rating
 * factors play no part in them. Because industry and category fit are also two of the ranking's six
 * factors, precision here measures whether the ranking puts those providers first among the many the
 * text matches, not whether the rule itself is right.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { NeedCategory } from '../common/need-workflow';
import { syntheticIndustries } from './synthetic/names';

export interface LabelledNeed {
  category: NeedCategory;
  industryKey: string;
  title: string;
  description: string;
}

const kinds: { category: NeedCategory; title: (w: string) => string; description: (w: string) => string }[] = [
  { category: 'technology', title: (w) => `${w}关键技术攻关与技术需求对接`, description: (w) => `需要${w}方面的专家开展技术诊断和产学研合作` },
  { category: 'financing', title: (w) => `${w}企业融资与银行授信`, description: (w) => `${w}项目扩产，需要银行贷款和股权融资对接` },
  { category: 'listing', title: (w) => `${w}企业上市辅导`, description: (w) => `拟申报科创板，需要${w}行业上市辅导与券商对接` },
  { category: 'overseas', title: (w) => `${w}产品出海与海外市场拓展`, description: (w) => `${w}产品计划进入东南亚市场，需要出海政策与商协会资源` },
  { category: 'ip', title: (w) => `${w}专利布局与知识产权保护`, description: (w) => `${w}核心技术需要专利布局，防范侵权` },
  { category: 'talent', title: (w) => `${w}高端人才引进与培养`, description: (w) => `需要引进${w}方向的研发人才，与高校联合培养` },
  { category: 'policy', title: (w) => `${w}产业政策申报咨询`, description: (w) => `了解${w}相关的产业扶持政策和申报条件` },
  { category: 'legal', title: (w) => `${w}企业合同纠纷法律咨询`, description: (w) => `${w}业务中的合同纠纷需要法律咨询` },
];

const chains = ['icv-nev', 'ic', 'biomedicine', 'ai', 'new-materials', 'low-altitude'] as const;

export const labelledNeeds: LabelledNeed[] = chains.flatMap((key) => {
  const ind = syntheticIndustries.find((i) => i.key === key)!;
  return kinds.map((k) => ({ category: k.category, industryKey: key, title: k.title(ind.words[0]), description: k.description(ind.words[0]) }));
});

/** The organisation kinds a coordinator picks for each category (people: experts of the chain). */
const orgKinds: Record<NeedCategory, string[]> = {
  technology: ['university', 'institute'],
  financing: ['bank'],
  listing: ['bank'],
  overseas: ['association', 'government'],
  talent: ['university'],
  ip: ['institute', 'association'],
  legal: ['other', 'association'],
  policy: ['government', 'association'],
  space: ['park_operator'],
  market: ['enterprise'],
  other: [],
};
const expertCategories: NeedCategory[] = ['technology', 'talent', 'ip', 'legal', 'policy'];

/** The providers a coordinator would pick for the need, as a condition on search_documents. */
export function relevantSql(n: LabelledNeed, industryId: string): SQL {
  const kindsFor = orgKinds[n.category];
  const parts: SQL[] = [];
  if (kindsFor.length) parts.push(sql`(entity_type = 'organization' and kind in ${kindsFor})`);
  if (expertCategories.includes(n.category)) {
    const words = syntheticIndustries.find((i) => i.key === n.industryKey)!.words as readonly string[];
    parts.push(sql`(entity_type = 'person' and body ~ ${words.join('|')})`);
  }
  if (!parts.length) return sql`false`;
  return sql`industry_ids @> array[${industryId}]::uuid[] and (${sql.join(parts, sql` or `)})`;
}

import { normalizeText } from './normalize';

/**
 * The one name normaliser: the stored form of a name for comparisons (`name_norm` of organisations,
 * people, networks, places): normalized (Simplified, half-width, invisible characters dropped) and lower case.
 */
export const nameNorm = (name: string) => normalizeText(name).toLowerCase();

/** The one LIKE escape: `%`, `_` and `\` of user text match themselves (PostgreSQL's default escape `\`). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** A LIKE pattern for "contains". */
export const likeContains = (s: string) => `%${escapeLike(s)}%`;

/**
 * Legal-form and group suffixes dropped before comparing organisation names ("core name"): the same body
 * is written "国药控股股份有限公司" on its licence, "国药控股" in a news report and "国药控股集团" in a list.
 * Only trailing suffixes go, so 控股 (part of the name) stays. The same pattern runs in JS and in SQL
 * (PostgreSQL's ARE understands it; the expression index organizations_name_core_idx is built on it).
 */
export const NAME_SUFFIX_PATTERN = '(（集团）|\\(集团\\)|集团|股份有限公司|有限责任公司|有限公司|股份公司|总公司|公司)+$';
const suffixRe = new RegExp(NAME_SUFFIX_PATTERN, 'u');
/** The core of a normalized name (see NAME_SUFFIX_PATTERN). */
export const coreName = (norm: string) => norm.replace(suffixRe, '');
/** The SQL text of the core of a normalized-name column, exactly as the expression index spells it. */
export const coreNameSql = (column: string) => `regexp_replace(${column}, '${NAME_SUFFIX_PATTERN.replace(/'/g, "''")}', ''::text)`;

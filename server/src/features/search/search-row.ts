import type { SearchEntityType } from '../../../../common/domain';
import { normalizeText, namePinyin, searchTokens, segmentNormalized, toTsvectorText } from '../../lib/text';

/*
 * The search document row built from a record, without the database: its own module so that the import's
 * worker threads (io-search-rows.worker.ts) load the text libraries only, not the ORM and the schema.
 * search-index.ts re-exports all of it.
 */

/** What a feature tells the search index about one of its records. */
export interface SearchDoc {
  entityType: SearchEntityType;
  entityId: string;
  /** the name: ranked first, matched by pinyin and initials */
  title: string;
  subtitle?: string | null;
  /** other names (short names, aliases): shown as 别名：A、B and found by pinyin like the title */
  aliases?: (string | null | undefined)[];
  /** former names: shown as 曾用名：A、B and found by pinyin like the title */
  formerNames?: (string | null | undefined)[];
  /** other searchable texts: aliases, former names, titles, keywords, address … */
  texts?: (string | null | undefined)[];
  districtCode: string | null;
  /** the record's kind (organisation, network or place kind): the lists filter by it in name order */
  kind?: string | null;
  industryIds?: string[];
  boost?: number;
}

const present = (ts: (string | null | undefined)[] | undefined) =>
  [...new Set((ts ?? []).map((t) => t?.trim() ?? '').filter((t) => t !== ''))];

/**
 * Bounded memo of a pure function of a string. Pinyin is the dearest part of a search row (pinyin-pro
 * reads a text twice) and the same words come back in almost every name (上海, 科技, 有限公司), so
 * an import of 100,000 organisations computes each distinct word once. Cleared when full.
 */
function memo<R>(f: (s: string) => R, limit = 50_000): (s: string) => R {
  const cache = new Map<string, R>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= limit) cache.clear();
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}
/** normalizeText of a name (a title is normalized for its pinyin keys and for title_norm) */
const normalizedName = memo((s) => normalizeText(s), 10_000);
/** pinyin of a whole name, its first character read as a surname (namePinyin's default) */
const wholePinyin = memo((s) => Object.freeze(namePinyin(s)));
/** pinyin of a word inside a name (no surname reading) */
const wordPinyin = memo((s) => Object.freeze(namePinyin(s, { surname: false })));

/** Longest pinyin key kept per suffix: queries match key prefixes, and nobody types more. */
const MAX_PINYIN_KEY = 48;

/** Names up to this many characters get a pinyin key from every character on, not only from words. */
const SHORT_NAME = 4;

/** Tails every other organisation ends with: a suffix made only of these gets no pinyin key (yxgs would match half the index). */
const GENERIC_TAIL = /^[（(]?(?:集团|股份|控股)?[)）]?(?:有限责任公司|股份有限公司|有限公司|总公司|分公司|公司|集团|中心)?$/;

/**
 * Pinyin keys of a name for matching inside it: the full pinyin and the initials of the whole
 * name and of every suffix that starts at a word (jieba) boundary, so 上海金桥（集团）有限公司 gives
 * shanghaijinqiao…, shjqjt…, jinqiaojituan…, jqjt…; a query typed as pinyin matches a key by
 * prefix (`jinqiao:*`, `jq:*`). Suffixes that are only a company form (有限公司) are left out.
 * Names of up to SHORT_NAME characters (people's) get a suffix from every character (zhaoguo → 张兆国).
 * The whole name reads its first character as a surname (单 → shan); words inside it do not.
 */
export function namePinyinKeys(name: string): string[] {
  const norm = normalizedName(name);
  if (!norm) return [];
  const whole = wholePinyin(norm);
  const keys = new Set<string>([whole.full, whole.initials]);
  // short names (people's: 张兆国) are one jieba word: every character starts a suffix (zhaoguo)
  const words = [...norm].length <= SHORT_NAME ? [...norm] : segmentNormalized(norm);
  if (words.length > 1) {
    const py = words.map(wordPinyin);
    let full = '';
    let initials = '';
    let tail = '';
    // from the last word back: each step is the suffix starting at word i
    for (let i = words.length - 1; i >= 1; i--) {
      full = py[i].full + full;
      initials = py[i].initials + initials;
      tail = words[i] + tail;
      if (GENERIC_TAIL.test(tail)) continue;
      keys.add(full);
      keys.add(initials);
    }
  }
  return [...keys].filter((k) => k !== '').map((k) => k.slice(0, MAX_PINYIN_KEY));
}

/**
 * The search document's text, shown in snippets: the title, then 别名：A、B and 曾用名：C (each name
 * once, separated so two names never read as one), then the other texts.
 */
export function searchBody(d: Pick<SearchDoc, 'title' | 'aliases' | 'formerNames' | 'texts'>): string {
  const aliases = present(d.aliases).filter((a) => a !== d.title);
  const former = present(d.formerNames).filter((a) => a !== d.title && !aliases.includes(a));
  return [
    d.title,
    aliases.length ? `别名：${aliases.join('、')}` : '',
    former.length ? `曾用名：${former.join('、')}` : '',
    ...present(d.texts),
  ]
    .filter((t) => t.trim() !== '')
    .join(' ');
}

/**
 * The one builder of a search_documents row (the services, the importer and the generator all
 * write what this returns). `tokens` holds the body's jieba terms and the pinyin keys of the title,
 * aliases and former names (see namePinyinKeys), so one GIN index answers words and pinyin.
 */
export function searchRow(d: SearchDoc) {
  const body = searchBody(d);
  const names = [d.title, ...present(d.aliases), ...present(d.formerNames)];
  // the words of the texts, not of the labels 别名/曾用名 (which would match every document with aliases)
  const words = searchTokens([...names, ...present(d.texts)].join(' '));
  const { full, initials } = wholePinyin(d.title);
  const pinyinKeys = names.flatMap(namePinyinKeys);
  return {
    entityType: d.entityType,
    entityId: d.entityId,
    title: d.title,
    subtitle: d.subtitle ?? null,
    body,
    districtCode: d.districtCode,
    kind: d.kind ?? null,
    industryIds: d.industryIds ?? [],
    tokens: toTsvectorText([...new Set([...words, ...pinyinKeys])]),
    titleNorm: normalizedName(d.title).toLowerCase(),
    pinyinFull: full,
    pinyinInitials: initials,
    boost: d.boost ?? 0,
  };
}

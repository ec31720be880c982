import type { SearchItem, SearchMatchKind } from '../../../../common/schemas/search';
import { districtName } from '../../../../common/validators';
import type { SearchHit } from './search.repository';
import type { ParsedQuery } from './search-query';
import { normalizeText } from '../../lib/text';
import { highlightSnippet, highlightTitle } from './search-highlight';

/** Tier 1 is "in the name": by its characters, or — for pinyin input the name does not contain — by the pinyin of a word in it. */
function matchedBy(hit: SearchHit, q: ParsedQuery): SearchMatchKind {
  if (hit.tier === 2 || hit.tier === 3) return 'pinyin';
  if (hit.tier === 1 && q.pinyin && !normalizeText(hit.title).toLowerCase().includes(q.norm)) return 'pinyin';
  return hit.tier > 0 ? 'name' : 'text';
}

export function presentSearchHit(hit: SearchHit, q: ParsedQuery): SearchItem {
  const by = matchedBy(hit, q);
  return {
    type: hit.type,
    id: hit.id,
    title: hit.title,
    subtitle: hit.subtitle,
    districtCode: hit.districtCode,
    districtName: hit.districtCode ? (districtName(hit.districtCode) ?? null) : null,
    highlight: highlightTitle(hit.title, q.terms, by === 'pinyin' ? q.pinyin : null),
    snippet: highlightSnippet(hit.title, hit.body, q.terms),
    matchedBy: by,
  };
}

import type { SearchItem, SearchMatchKind } from '../../../../common/schemas/search';
import { districtName } from '../../../../common/validators';
import type { SearchHit } from './search.repository';
import type { ParsedQuery } from './search-query';
import { highlightSnippet, highlightTitle } from './search-highlight';

function matchedBy(tier: number): SearchMatchKind {
  if (tier === 2 || tier === 3) return 'pinyin';
  return tier > 0 ? 'name' : 'text';
}

export function presentSearchHit(hit: SearchHit, q: ParsedQuery): SearchItem {
  const by = matchedBy(hit.tier);
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

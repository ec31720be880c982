import { networkKindVocabulary, organizationKindVocabulary, placeKindVocabulary } from '../../../../common/labels';
import type { Locale, Translate } from '../../app/i18n';
import { districtLabel, shanghaiDistricts } from '../../lib/districts';
import type { SearchEntityType, SearchHit } from './api';

export const searchTypeColors: Record<SearchEntityType, string> = {
  organization: 'blue',
  person: 'green',
  network: 'purple',
  place: 'orange',
  need: 'red',
  event: 'cyan',
};

export function searchTypeLabel(t: Translate, type: SearchEntityType): string {
  switch (type) {
    case 'organization':
      return t('nav.organizations');
    case 'person':
      return t('nav.people');
    case 'network':
      return t('nav.networks');
    case 'place':
      return t('nav.places');
    case 'need':
      return t('nav.needs');
    case 'event':
      return t('nav.events');
  }
}

/**
 * One word of a stored subtitle ("企业 · 浦东新区") in the interface language: a kind or a district the
 * index wrote in Chinese is named again by its code; anything else (a person's titles) is the record's own text.
 */
function localiseWord(t: Translate, locale: Locale, type: SearchEntityType, word: string): string {
  if (locale === 'zh-CN') return word;
  const district = shanghaiDistricts.find((d) => d.name === word);
  if (district) return districtLabel(district.code, locale);
  if (type === 'organization') {
    const kind = organizationKindVocabulary.parse(word);
    if (kind) return t(`orgKind.${kind}`);
  }
  if (type === 'network') {
    const kind = networkKindVocabulary.parse(word);
    if (kind) return t(`networkKind.${kind}`);
  }
  if (type === 'place') {
    const kind = placeKindVocabulary.parse(word);
    if (kind) return t(`placeKind.${kind}`);
  }
  return word;
}

/** Subtitle and district of a hit as one line in the interface language, without saying the district twice. */
export function hitDetails(t: Translate, locale: Locale, hit: SearchHit): string {
  const words = (hit.subtitle ?? '')
    .split(' · ')
    .filter(Boolean)
    .map((word) => localiseWord(t, locale, hit.type, word));
  const district = districtLabel(hit.districtCode, locale, hit.districtName);
  if (district && !words.some((word) => word.includes(district))) words.push(district);
  return words.join(' · ');
}

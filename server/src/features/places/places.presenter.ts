import { placeKindVocabulary } from '../../../../common/labels';
import type { Place } from '../../../../common/schemas/places';
import { districtName } from '../../../../common/validators';
import type { SearchDoc } from '../search/search-index';
import type { PlaceRow } from './places.repository';

export function presentPlace(p: PlaceRow): Place {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    districtCode: p.districtCode,
    districtName: p.districtCode ? (districtName(p.districtCode) ?? null) : null,
    address: p.address,
    lng: p.lng,
    lat: p.lat,
    description: p.description,
  };
}

export const auditPlace = (p: PlaceRow) => ({
  name: p.name,
  kind: p.kind,
  districtCode: p.districtCode,
  address: p.address,
  lng: p.lng,
  lat: p.lat,
  description: p.description,
});

/** The search document of a place: its name, address and description (and aliases from the demo data). */
export function placeSearchDoc(p: PlaceRow, aliases: string[] = []): SearchDoc {
  const district = p.districtCode ? districtName(p.districtCode) : undefined;
  return {
    entityType: 'place',
    entityId: p.id,
    title: p.name,
    subtitle: [placeKindVocabulary.label(p.kind), district].filter(Boolean).join(' · '),
    aliases,
    texts: [p.address, p.description],
    districtCode: p.districtCode,
    kind: p.kind,
  };
}

import type { Translate } from '../../app/i18n';
import type { SearchEntityType } from './api';

export const searchTypeColors: Record<SearchEntityType, string> = {
  organization: 'blue',
  person: 'green',
  network: 'purple',
  place: 'orange',
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
  }
}

import { useT, type MessageKey } from '../../../app/i18n';
import type { DetailTrail } from '../../../components/detail-header';

const sections = {
  organizations: 'nav.organizations',
  people: 'nav.people',
  networks: 'nav.networks',
  industries: 'nav.industries',
  places: 'nav.places',
} as const satisfies Record<string, MessageKey>;

/** 目录 / 单位: where a directory detail page sits, for its header and its not-found state. */
export function useDirectoryTrail(section: keyof typeof sections): DetailTrail {
  const t = useT();
  return { section: t('nav.directory'), listLabel: t(sections[section]), listPath: `/directory/${section}` };
}

/** Labels of a detail page's bordered Descriptions: one line, a steady column (wrapping on a phone, see app-layout.css). */
export const detailDescriptionStyles = {
  label: { width: 120 },
} as const;

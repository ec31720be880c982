import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import { useT, type MessageKey } from '../../../app/i18n';

const sections = {
  organizations: 'nav.organizations',
  people: 'nav.people',
  networks: 'nav.networks',
  industries: 'nav.industries',
  places: 'nav.places',
} as const satisfies Record<string, MessageKey>;

/** 目录 / 单位 / <record>: where a detail page sits, with links back. */
export function DirectoryBreadcrumb({ section, current }: { section: keyof typeof sections; current?: string }) {
  const t = useT();
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        { title: t('nav.directory') },
        { title: <Link to={`/directory/${section}`}>{t(sections[section])}</Link> },
        ...(current ? [{ title: current }] : []),
      ]}
    />
  );
}

/** Labels of a detail page's bordered Descriptions: one line, a steady column. */
export const detailDescriptionStyles = {
  label: { width: 120, whiteSpace: 'nowrap' },
} as const;

import { Descriptions, Space, Tag } from 'antd';
import { useLocale, useT } from '../../../app/i18n';
import { districtLabel } from '../../../lib/districts';
import { TagList } from '../../directory/components/tag-list';
import { personRoleColors, personRoleLabel } from '../../directory/labels';
import type { PersonDetail } from '../api';

/** The fields that decide a merge, in a compact column (one side of the merge dialog). */
export function PersonSummary({ person }: { person: PersonDetail }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'roles',
          label: t('person.roles'),
          children: (
            <Space size={[4, 4]} wrap>
              {(person.roles ?? []).map((role) => (
                <Tag key={role} color={personRoleColors[role]}>
                  {personRoleLabel(t, role)}
                </Tag>
              ))}
            </Space>
          ),
        },
        { key: 'titles', label: t('person.titles'), children: person.titles || '—' },
        {
          key: 'district',
          label: t('org.district'),
          children: districtLabel(person.districtCode, locale, person.districtName) || '—',
        },
        { key: 'phone', label: t('person.phone'), children: person.phone ?? '—' },
        { key: 'email', label: t('person.email'), children: person.email ?? '—' },
        {
          key: 'affiliations',
          label: t('person.affiliations'),
          children: <TagList values={(person.affiliations ?? []).map((row) => row.organizationName)} />,
        },
        { key: 'memberships', label: t('org.membershipCount'), children: (person.memberships ?? []).length },
      ]}
    />
  );
}

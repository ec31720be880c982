import { Descriptions, Tag } from 'antd';
import { useLocale, useT } from '../../../app/i18n';
import { districtLabel } from '../../../lib/districts';
import { TagList } from '../../directory/components/tag-list';
import { organizationKindColors, organizationKindLabel } from '../../directory/labels';
import type { OrganizationDetail } from '../api';

/** The fields that decide a merge, in a compact column (one side of the merge dialog). */
export function OrganizationSummary({ organization }: { organization: OrganizationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'kind',
          label: t('org.kind'),
          children: (
            <Tag color={organizationKindColors[organization.kind]}>{organizationKindLabel(t, organization.kind)}</Tag>
          ),
        },
        {
          key: 'district',
          label: t('org.district'),
          children: districtLabel(organization.districtCode, locale, organization.districtName) || '—',
        },
        { key: 'uscc', label: t('org.uscc'), children: organization.uscc ?? '—' },
        { key: 'aliases', label: t('org.aliases'), children: <TagList values={organization.aliases} /> },
        { key: 'formerNames', label: t('org.formerNames'), children: <TagList values={organization.formerNames} /> },
        {
          key: 'industries',
          label: t('org.industries'),
          children: <TagList values={(organization.industries ?? []).map((industry) => industry.name)} color="geekblue" />,
        },
        { key: 'address', label: t('org.address'), children: organization.address ?? '—' },
        { key: 'people', label: t('org.peopleCount'), children: (organization.people ?? []).length },
        { key: 'memberships', label: t('org.membershipCount'), children: (organization.memberships ?? []).length },
      ]}
    />
  );
}

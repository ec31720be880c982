import { Select } from 'antd';
import { useT } from '../../../app/i18n';
import type { ListParams } from '../../../components/list-page';
import { DistrictSelect } from './district-select';
import { IndustrySelect } from './industry-select';
import { NetworkSelect } from './network-select';

/** The directory's filter controls, each bound to its URL parameter of a list page. */
type Bound = { params: Pick<ListParams, 'get' | 'update'>; width: number };

export function DistrictFilter({ params, width }: Bound) {
  const t = useT();
  return (
    <DistrictSelect
      value={params.get('districtCode')}
      placeholder={t('org.allDistricts')}
      aria-label={t('org.district')}
      onChange={(districtCode) => params.update({ districtCode })}
      style={{ width }}
    />
  );
}

export function IndustryFilter({ params, width }: Bound) {
  const t = useT();
  return (
    <IndustrySelect
      value={params.get('industryId')}
      placeholder={t('filter.allIndustries')}
      aria-label={t('org.industries')}
      onChange={(industryId) => params.update({ industryId: typeof industryId === 'string' ? industryId : undefined })}
      style={{ width }}
    />
  );
}

/** A network filter: `networkId` (member of) or `parentId` (under). */
export function NetworkFilter({ params, width, name = 'networkId' }: Bound & { name?: 'networkId' | 'parentId' }) {
  const t = useT();
  const label = name === 'parentId' ? t('filter.parentNetwork') : t('filter.allNetworks');
  return (
    <NetworkSelect
      value={params.get(name)}
      placeholder={label}
      aria-label={name === 'parentId' ? t('network.parent') : t('membership.network')}
      onChange={(value) => params.update({ [name]: value })}
      style={{ width }}
    />
  );
}

/** A filter over one of the glossary's enumerations (kind, tier, role). */
export function EnumFilter<T extends string>({
  params,
  width,
  name,
  value,
  options,
  placeholder,
  label,
}: Bound & { name: string; value: T | undefined; options: { value: T; label: string }[]; placeholder: string; label: string }) {
  return (
    <Select<T>
      value={value}
      options={options}
      placeholder={placeholder}
      aria-label={label}
      allowClear
      onChange={(next) => params.update({ [name]: next })}
      style={{ width }}
    />
  );
}

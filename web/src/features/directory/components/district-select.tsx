import { Select, type SelectProps } from 'antd';
import { useLocale } from '../../../app/i18n';
import { districtOptions } from '../../../lib/districts';
import { useMe, type User } from '../../auth/api';

/**
 * The districts a user chooses from (docs/ACCESS.md): every district for administrators and for users
 * scoped to networks only (their members lie anywhere); the user's own districts otherwise, both to
 * filter and to place a record. A value already set outside them stays shown.
 */
export function allowedDistricts(user: User | null | undefined): string[] | 'all' {
  if (!user || user.role === 'admin') return 'all';
  const own = user.scopes.filter((s) => s.kind === 'district').map((s) => s.value);
  return own.length ? own : 'all';
}

/** One of Shanghai's 16 districts (or of the user's own), searchable by name. Works as a Form control. */
export function DistrictSelect(props: Omit<SelectProps<string>, 'options'>) {
  const { locale } = useLocale();
  const { data: me } = useMe();
  const allowed = allowedDistricts(me);
  const options = districtOptions(locale).filter((o) => allowed === 'all' || allowed.includes(o.value) || o.value === props.value);
  return <Select<string> allowClear showSearch={{ optionFilterProp: 'label' }} {...props} options={options} />;
}

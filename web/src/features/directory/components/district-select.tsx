import { Select, type SelectProps } from 'antd';
import { useLocale } from '../../../app/i18n';
import { districtOptions } from '../../../lib/districts';

/** One of Shanghai's 16 districts, searchable by name. Works as a Form control. */
export function DistrictSelect(props: Omit<SelectProps<string>, 'options'>) {
  const { locale } = useLocale();
  return <Select<string> allowClear showSearch={{ optionFilterProp: 'label' }} {...props} options={districtOptions(locale)} />;
}

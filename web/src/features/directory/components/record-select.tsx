import { Select, Spin, Typography, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSearch } from '../../search/api';
import type { Ref, SearchEntityType } from '../types';

interface RecordOption {
  value: string;
  label: string;
  title?: string;
  subtitle?: string | null;
}

/**
 * An organisation or person picked by typing (name, alias or pinyin initials; through /api/search).
 * `value` is the record's id; `known` gives labels for ids already chosen (editing a form).
 */
export function RecordSelect({
  type,
  known = [],
  excludeIds = [],
  onPick,
  ...props
}: Omit<SelectProps<string, RecordOption>, 'options' | 'showSearch' | 'filterOption'> & {
  type: Extract<SearchEntityType, 'organization' | 'person'>;
  known?: readonly Ref[];
  excludeIds?: readonly string[];
  onPick?: (record: Ref | undefined) => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useSearch({ q, types: [type], limit: 20 });

  const options = useMemo(() => {
    const found: RecordOption[] = (q.trim() ? (search.data?.items ?? []) : [])
      .filter((hit) => !excludeIds.includes(hit.id))
      .map((hit) => ({ value: hit.id, label: hit.title, title: hit.title, subtitle: hit.subtitle }));
    const seen = new Set(found.map((option) => option.value));
    const extra = known.filter((ref) => !seen.has(ref.id)).map((ref) => ({ value: ref.id, label: ref.name, title: ref.name }));
    return [...found, ...extra];
  }, [q, search.data, known, excludeIds]);

  return (
    <Select<string, RecordOption>
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={type === 'organization' ? t('picker.organizationPlaceholder') : t('picker.personPlaceholder')}
      notFoundContent={
        search.isFetching ? <Spin size="small" /> : q.trim() ? t('picker.noMatch') : t('picker.typeToSearch')
      }
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.subtitle ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.subtitle}
            </Typography.Text>
          ) : null}
        </div>
      )}
      {...props}
      onChange={(value, option) => {
        const picked = Array.isArray(option) ? option[0] : option;
        onPick?.(value && picked ? { id: value, name: picked.label } : undefined);
        props.onChange?.(value, option);
      }}
      options={options}
    />
  );
}

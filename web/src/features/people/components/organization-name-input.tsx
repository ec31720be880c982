import { AutoComplete, Flex, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSearch } from '../../search/api';

export interface OrganizationNameValue {
  id?: string | null;
  name: string;
}

/**
 * An affiliation's organisation: pick one from the directory (linked) or type any name (not linked).
 * Works as a Form control with `{ id?, name }` values.
 */
export function OrganizationNameInput({
  value,
  onChange,
  id,
}: {
  value?: OrganizationNameValue;
  onChange?: (value: OrganizationNameValue) => void;
  id?: string;
}) {
  const t = useT();
  const name = value?.name ?? '';
  const [typed, setTyped] = useState(false);
  const q = useDebouncedValue(typed ? name : '', 250);
  const search = useSearch({ q, types: ['organization'], limit: 10 });
  const options = useMemo(
    () =>
      (q.trim() ? (search.data?.items ?? []) : []).map((hit) => ({
        value: hit.id,
        label: hit.title,
        title: hit.title,
      })),
    [q, search.data],
  );
  return (
    <Flex gap={6} align="center">
      <AutoComplete
        id={id}
        value={name}
        options={options}
        style={{ flex: 1 }}
        placeholder={t('affiliation.organizationPlaceholder')}
        // one handler for typing and picking: antd calls onChange with the option when one is picked,
        // and the order of onChange/onSelect must not decide whether the organisation stays linked
        onChange={(text: string, option?: unknown) => {
          const picked = option && !Array.isArray(option) ? (option as { label?: unknown }).label : undefined;
          if (picked !== undefined) {
            setTyped(false);
            onChange?.({ id: text, name: String(picked) });
          } else {
            setTyped(true);
            onChange?.({ id: null, name: text });
          }
        }}
      />
      {value?.id ? <Tag color="success">{t('affiliation.linked')}</Tag> : null}
    </Flex>
  );
}

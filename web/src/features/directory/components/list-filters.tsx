import { Button, Flex, Input } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n';

/** The filter row above a directory list: a search box, the filters, and a reset when anything is set. */
export function ListFilters({
  q,
  placeholder,
  onSearch,
  active,
  onReset,
  children,
}: {
  q: string | undefined;
  placeholder: string;
  onSearch: (q: string) => void;
  active: boolean;
  onReset: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
      <Input.Search
        key={q ?? ''}
        defaultValue={q}
        placeholder={placeholder}
        aria-label={placeholder}
        enterButton={t('common.search')}
        allowClear
        onSearch={(value) => onSearch(value.trim())}
        style={{ width: 320, maxWidth: '100%' }}
      />
      {children}
      {active ? (
        <Button type="link" onClick={onReset}>
          {t('common.resetFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}

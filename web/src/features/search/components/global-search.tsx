import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Flex, Typography, type RefSelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { recordPath, searchEntityTypes, useSearch, type SearchHit } from '../api';
import { hitDetails, searchTypeLabel } from '../labels';
import { HighlightText } from './highlight-text';

const allResults = '\u0000all';
const optionValue = (hit: SearchHit) => `\u0000${hit.type}:${hit.id}`;

/**
 * The header's search box: results as you type (names, aliases, pinyin and initials), grouped by
 * type; Enter opens the full results page, choosing a result opens its record. "/" focuses it.
 */
export function GlobalSearch() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const inputRef = useRef<RefSelectProps>(null);
  const pickedRef = useRef(false);
  const q = useDebouncedValue(text.trim(), 200);
  const search = useSearch({ q, limit: 12 });
  const hits = useMemo(() => (q ? (search.data?.items ?? []) : []), [q, search.data]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const options = useMemo(() => {
    const groups = searchEntityTypes
      .map((type) => ({ type, items: hits.filter((hit) => hit.type === type) }))
      .filter((group) => group.items.length > 0)
      .map((group) => ({
        label: <Typography.Text type="secondary">{searchTypeLabel(t, group.type)}</Typography.Text>,
        options: group.items.map((hit) => ({
          value: optionValue(hit),
          label: (
            <Flex vertical data-testid="global-search-option">
              <span>
                <HighlightText segments={hit.highlight ?? []} fallback={hit.title} />
              </span>
              {hitDetails(t, locale, hit) ? (
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                  {hitDetails(t, locale, hit)}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        })),
      }));
    if (!q) return groups;
    const viewAll = {
      value: allResults,
      label: (
        <Typography.Link>
          {search.data ? t('search.viewAll', { total: search.data.total }) : t('search.viewAllPending')}
        </Typography.Link>
      ),
    };
    return [...groups, viewAll];
  }, [hits, q, search.data, t]);

  const finish = (to: string) => {
    setText('');
    setOpen(false);
    inputRef.current?.blur();
    void navigate(to);
  };

  const onSelect = (value: string) => {
    pickedRef.current = true;
    if (value === allResults) {
      finish(`/search?q=${encodeURIComponent(text.trim())}`);
      return;
    }
    const hit = hits.find((candidate) => optionValue(candidate) === value);
    if (hit) finish(recordPath(hit.type, hit.id));
  };

  const onEnter = (value: string) => {
    // Enter on a highlighted option selects it (onSelect, in the same key event, sets pickedRef);
    // only a plain Enter opens the results page.
    setTimeout(() => {
      if (pickedRef.current || !value.trim()) return;
      finish(`/search?q=${encodeURIComponent(value.trim())}`);
    }, 0);
  };

  return (
    <AutoComplete
      ref={inputRef}
      value={text}
      prefix={<SearchOutlined style={{ color: '#8c8c8c' }} aria-hidden />}
      allowClear
      placeholder={t('search.placeholder')}
      aria-label={t('search.label')}
      title={t('search.shortcutHint')}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onEnter(text);
      }}
      open={open && q.length > 0}
      onOpenChange={setOpen}
      options={options}
      onSelect={onSelect}
      onChange={(value: string) => {
        if (value.startsWith('\u0000')) return; // an option being chosen, not typing
        pickedRef.current = false;
        setText(value);
      }}
      onFocus={() => setOpen(true)}
      popupMatchSelectWidth={Math.min(420, window.innerWidth - 16)}
      className="tx-global-search"
      notFoundContent={q && !search.isFetching ? t('search.noResults') : undefined}
    />
  );
}

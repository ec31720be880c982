import { Alert, Button, Card, Empty, Flex, Input, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { usePageParams } from '../../../lib/use-page-params';
import { DistrictSelect } from '../../directory/components/district-select';
import { IndustrySelect } from '../../directory/components/industry-select';
import { recordPath, searchEntityTypes, useSearch, type SearchEntityType, type SearchHit } from '../api';
import { HighlightText } from '../components/highlight-text';
import { hitDetails, searchTypeColors, searchTypeLabel } from '../labels';

function parseTypes(value: string | undefined): SearchEntityType[] {
  if (!value) return [];
  return value.split(',').filter((type): type is SearchEntityType => searchEntityTypes.some((known) => known === type));
}

/** A filter chip: a toggle button, so it works from the keyboard too. */
function Chip({ checked, onChange, children }: { checked: boolean; onChange: (checked: boolean) => void; children: ReactNode }) {
  return (
    <Button size="small" shape="round" type={checked ? 'primary' : 'default'} aria-pressed={checked} onClick={() => onChange(!checked)}>
      {children}
    </Button>
  );
}

/** /search?q=…&types=…: every match, with type chips and district / industry filters. */
export function SearchPage() {
  const t = useT();
  const { locale } = useLocale();
  const { get, update } = usePageParams();
  const q = get('q') ?? '';
  const types = parseTypes(get('types'));
  const districtCode = get('districtCode');
  const industryId = get('industryId');
  const search = useSearch({ q, types, districtCode, industryId, limit: 50 });

  const toggle = (type: SearchEntityType, on: boolean) => {
    const next = on ? [...types, type] : types.filter((known) => known !== type);
    update({ types: next.length > 0 && next.length < searchEntityTypes.length ? next.join(',') : undefined });
  };

  const renderHit = (hit: SearchHit) => (
    <li key={`${hit.type}:${hit.id}`} data-testid="search-result">
      <Flex gap={8} align="center" wrap>
        <Tag color={searchTypeColors[hit.type]}>{searchTypeLabel(t, hit.type)}</Tag>
        <Link to={recordPath(hit.type, hit.id)} style={{ fontSize: 15 }}>
          <HighlightText segments={hit.highlight ?? []} fallback={hit.title} />
        </Link>
        {hit.matchedBy === 'pinyin' ? <Tag variant="filled">{t('search.matchedPinyin')}</Tag> : null}
        {hit.matchedBy === 'text' ? <Tag variant="filled">{t('search.matchedText')}</Tag> : null}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {hitDetails(t, locale, hit)}
      </Typography.Text>
      {hit.snippet && hit.snippet.length > 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          <HighlightText segments={hit.snippet} fallback="" />
        </Typography.Text>
      ) : null}
    </li>
  );

  let body;
  if (!q.trim()) body = <Empty description={t('search.enterQuery')} />;
  else if (search.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (search.isError) body = <QueryError error={search.error} onRetry={() => void search.refetch()} />;
  else
    body = (
      <>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('search.summary', { total: search.data.total, ms: search.data.tookMs })}
        </Typography.Text>
        {search.data.capped ? (
          <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('search.capped', { shown: search.data.items.length })} />
        ) : null}
        {search.data.items.length > 0 ? (
          <ol className="tx-results">{search.data.items.map(renderHit)}</ol>
        ) : (
          <Empty description={t('search.noResultsFor', { q })} />
        )}
      </>
    );

  return (
    <>
      <PageHeader title={t('search.title')} />
      <Card variant="borderless">
        <Input.Search
          key={q}
          size="large"
          defaultValue={q}
          allowClear
          enterButton={t('common.search')}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          onSearch={(value) => update({ q: value.trim() })}
          style={{ maxWidth: 640, marginBottom: 16 }}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Flex gap={4} wrap role="group" aria-label={t('search.typeFilter')}>
            <Chip checked={types.length === 0} onChange={() => update({ types: undefined })}>
              {t('search.allTypes')}
            </Chip>
            {searchEntityTypes.map((type) => (
              <Chip key={type} checked={types.includes(type)} onChange={(on) => toggle(type, on)}>
                {searchTypeLabel(t, type)}
              </Chip>
            ))}
          </Flex>
          <DistrictSelect
            value={districtCode}
            placeholder={t('org.allDistricts')}
            aria-label={t('org.district')}
            onChange={(value) => update({ districtCode: value })}
            style={{ width: 150 }}
          />
          <IndustrySelect
            value={industryId}
            placeholder={t('filter.allIndustries')}
            aria-label={t('org.industries')}
            onChange={(value) => update({ industryId: typeof value === 'string' ? value : undefined })}
            style={{ width: 180 }}
          />
        </Flex>
        {body}
      </Card>
    </>
  );
}

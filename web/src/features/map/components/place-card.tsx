import { Descriptions, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { districtLabel } from '../../../lib/districts';
import { placeKindLabel } from '../../directory/labels';
import { usePlaceCard } from '../api';
import { placeKindColors } from './base-map';
import { LinkedEvents, LinkedNeeds } from './linked-lists';

/** The card of a place clicked on the map: where it lies, who runs it, the organisations there, its networks and areas. */
export function PlaceCardView({ id }: { id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const card = usePlaceCard(id);
  if (card.isLoading) return <Skeleton active />;
  if (!card.data) return <Empty description={t('map.placeMissing')} />;
  const p = card.data;
  const links = (items: { id: string; name: string }[], path: string) =>
    items.length ? (
      <List size="small" dataSource={items} renderItem={(i) => <List.Item style={{ padding: '2px 0' }}><Link to={`${path}/${i.id}`}>{i.name}</Link></List.Item>} />
    ) : (
      '—'
    );
  return (
    <div data-testid="place-card">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {p.name} <Tag color={placeKindColors[p.kind]}>{placeKindLabel(t, p.kind)}</Tag>
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'district', label: t('map.district'), children: districtLabel(p.districtCode, locale, p.districtName) || '—' },
          { key: 'address', label: t('map.address'), children: p.address || '—' },
          { key: 'parent', label: t('map.parentPlace'), children: p.parent ? <Link to={`/directory/places/${p.parent.id}`}>{p.parent.name}</Link> : '—' },
          { key: 'children', label: t('map.childPlaces'), children: links(p.children, '/directory/places') },
          { key: 'orgs', label: t('map.organizationsHere'), children: links(p.organizations, '/directory/organizations') },
          { key: 'networks', label: t('map.networks'), children: links(p.networks, '/directory/networks') },
          { key: 'areas', label: t('map.areas'), children: links(p.areas, '/map/areas') },
          { key: 'events', label: t('map.events'), children: <LinkedEvents items={p.events} testId="place-events" /> },
          { key: 'needs', label: t('map.openNeeds'), children: <LinkedNeeds items={p.openNeeds} testId="place-needs" /> },
        ]}
      />
      {p.description && <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>}
      <Link to={`/directory/places/${p.id}`}>{t('map.openPlace')}</Link>
    </div>
  );
}

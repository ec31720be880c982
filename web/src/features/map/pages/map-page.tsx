import { CompressOutlined, ExpandOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Checkbox, Drawer, Flex, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n';
import { placeKinds, placeKindLabel } from '../../directory/labels';
import type { PlaceKind } from '../../directory/types';
import { DistrictSelect } from '../../directory/components/district-select';
import { useIndustries } from '../../industries/api';
import { useNetworkTree, type NetworkTreeNode } from '../../networks/api';
import { fetchSearch, type SearchHit } from '../../search/api';
import { api } from '../../../lib/api';
import { useMapPlaces, type PlaceCard as Card_, type PlaceProps } from '../api';
import { placeKindColors } from '../components/base-map';
import { MapSectionNav } from '../components/map-section-nav';
import { PlaceCardView } from '../components/place-card';
import { NaivePointsLayer, PointsLayer } from '../components/points-layer';
import { useLeafletMap } from '../components/use-leaflet';
import { filtersOf, prefetchPoints } from '../points';
import '../components/map.css';

// the places' download starts as this module is evaluated, before React renders the page and Leaflet makes the map
if (window.location.pathname === '/map') prefetchPoints(filtersOf(new URLSearchParams(window.location.search)));

const flatten = (nodes: NetworkTreeNode[]): NetworkTreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** 地图: the places of the actor's scope as layers per kind over the 16 districts, clustered on a canvas. */
export function MapPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const naive = params.get('naive') === '1';
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const t0 = useRef(performance.now());
  const places = useMapPlaces(filters);
  const industries = useIndustries();
  const networks = useNetworkTree();
  const { ref, map } = useLeafletMap();
  const wrapper = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<Set<PlaceKind>>(() => new Set());
  const [picked, setPicked] = useState<string>();
  const [fullscreen, setFullscreen] = useState(false);
  const [layer, setLayer] = useState<PointsLayer | NaivePointsLayer>();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);

  useEffect(() => {
    if (!map) return;
    window.__tongxinMap = { map, t0: t0.current };
    const l = naive ? new NaivePointsLayer(map, (p: PlaceProps) => setPicked(p.id)) : new PointsLayer(map, (p: PlaceProps) => setPicked(p.id));
    setLayer(l);
    return () => l.remove();
  }, [map, naive]);

  const counts = useMemo(() => {
    const c = Object.fromEntries(placeKinds.map((k) => [k, 0])) as Record<PlaceKind, number>;
    for (const f of places.data?.features ?? []) c[f.properties.kind] += 1;
    return c;
  }, [places.data]);

  useEffect(() => {
    if (!layer || !places.data) return;
    const features = places.data.features.filter((f) => !hidden.has(f.properties.kind));
    layer.setData({ type: 'FeatureCollection', features });
    const info = window.__tongxinMap;
    if (info && info.dataMs === undefined) info.dataMs = performance.now() - info.t0;
    if (info && info.firstDrawMs === undefined)
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          info.firstDrawMs = performance.now() - info.t0;
          info.sinceNavigationMs = performance.now();
        }),
      );
  }, [layer, places.data, hidden]);

  useEffect(() => {
    map?.invalidateSize();
  }, [map, fullscreen]);

  useEffect(() => {
    const q = query.trim();
    if (!q) return setHits([]);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchSearch({ q, types: ['place'], limit: 8 }, controller.signal)
        .then((r) => setHits(r.items))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const flyTo = async (id: string) => {
    const card = await api.get<Card_>(`/api/map/places/${encodeURIComponent(id)}/card`);
    if (card.lng !== null && card.lat !== null) map?.flyTo([card.lat, card.lng], 15, { duration: 0.6 });
    setPicked(id);
  };

  const toggle = (kind: PlaceKind, on: boolean) =>
    setHidden((h) => {
      const next = new Set(h);
      if (on) next.delete(kind);
      else next.add(kind);
      return next;
    });
  const total = places.data?.features.length ?? 0;
  const visible = total - [...hidden].reduce((n, k) => n + counts[k], 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('map.title')}
        </Typography.Title>
        <MapSectionNav current="map" />
      </Flex>
      <Flex wrap gap={8} className="tx-no-print">
        <AutoComplete
          style={{ minWidth: 220, flex: '1 1 220px' }}
          placeholder={t('map.searchPlaceholder')}
          aria-label={t('map.searchPlaceholder')}
          value={query}
          onChange={setQuery}
          onSelect={(id: string) => {
            setQuery(hits.find((h) => h.id === id)?.title ?? '');
            void flyTo(id);
          }}
          options={hits.map((h) => ({ value: h.id, label: h.title }))}
        />
        <DistrictSelect
          style={{ minWidth: 140, flex: '1 1 140px' }}
          placeholder={t('map.filterDistrict')}
          aria-label={t('map.filterDistrict')}
          value={filters.districtCode}
          onChange={(v) => setFilter('district', v)}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 140, flex: '1 1 140px' }}
          placeholder={t('map.filterIndustry')}
          aria-label={t('map.filterIndustry')}
          value={filters.industryId}
          onChange={(v?: string) => setFilter('industry', v)}
          options={(industries.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 140, flex: '1 1 140px' }}
          placeholder={t('map.filterNetwork')}
          aria-label={t('map.filterNetwork')}
          value={filters.networkId}
          onChange={(v?: string) => setFilter('network', v)}
          options={flatten(networks.data ?? []).map((n) => ({ value: n.id, label: n.name }))}
        />
      </Flex>
      <div ref={wrapper} className={fullscreen ? 'tx-map tx-map-fullscreen' : 'tx-map'} style={{ height: 'min(70vh, 640px)', minHeight: 320 }}>
        <div ref={ref} data-testid="map" style={{ position: 'absolute', inset: 0 }} />
        <Button
          style={{ position: 'absolute', top: 10, right: 10, zIndex: 500 }}
          icon={fullscreen ? <CompressOutlined /> : <ExpandOutlined />}
          onClick={() => setFullscreen((f) => !f)}
          aria-label={fullscreen ? t('map.exitFullscreen') : t('map.fullscreen')}
        >
          {fullscreen ? t('map.exitFullscreen') : t('map.fullscreen')}
        </Button>
      </div>
      <Card size="small" title={t('map.layers')} extra={<span data-testid="map-visible-count">{t('map.visibleCount', { visible, total })}</span>}>
        <Flex wrap gap={12} className="tx-map-legend" style={{ boxShadow: 'none', padding: 0 }}>
          {placeKinds.map((kind) => (
            <Checkbox key={kind} checked={!hidden.has(kind)} onChange={(e) => toggle(kind, e.target.checked)}>
              <i style={{ background: placeKindColors[kind] }} />
              {placeKindLabel(t, kind)} ({counts[kind]})
            </Checkbox>
          ))}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('map.legendHint')} · <Link to="/map/stats">{t('map.choroplethLink')}</Link>
        </Typography.Paragraph>
      </Card>
      <Drawer open={Boolean(picked)} onClose={() => setPicked(undefined)} title={t('map.placeCard')} size="default" styles={{ wrapper: { maxWidth: '100vw' } }}>
        {picked && <PlaceCardView id={picked} />}
      </Drawer>
    </Space>
  );
}

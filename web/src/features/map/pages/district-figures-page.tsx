import { Card, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../app/i18n';
import { useMapPlaces } from '../api';
import { Choropleth } from '../components/choropleth';
import { MapSectionNav } from '../components/map-section-nav';

const filters = {};

/** 分区图: places per district as a choropleth (the component the statistics pages use for any district figure). */
export function DistrictFiguresPage() {
  const t = useT();
  const places = useMapPlaces(filters);
  const values = useMemo(() => {
    const v: Record<string, number> = {};
    for (const f of places.data?.features ?? []) if (f.properties.district) v[f.properties.district] = (v[f.properties.district] ?? 0) + 1;
    return v;
  }, [places.data]);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('map.statsTitle')}
        </Typography.Title>
        <MapSectionNav current="stats" />
      </Flex>
      <Card size="small">
        <Choropleth values={values} title={t('map.placesPerDistrict')} unit={t('map.placesUnit')} height="min(65vh, 560px)" />
      </Card>
    </Flex>
  );
}

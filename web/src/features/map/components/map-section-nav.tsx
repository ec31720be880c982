import { Segmented } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n';

const sections = { map: '/map', areas: '/map/areas', routes: '/map/routes', stats: '/map/stats' } as const;

/** 地图 · 片区 · 线路 · 分区图: the map section's tabs. */
export function MapSectionNav({ current }: { current: keyof typeof sections }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Segmented
      className="tx-no-print"
      value={current}
      onChange={(v) => navigate(sections[v as keyof typeof sections])}
      options={[
        { value: 'map', label: t('map.tabMap') },
        { value: 'areas', label: t('map.tabAreas') },
        { value: 'routes', label: t('map.tabRoutes') },
        { value: 'stats', label: t('map.tabStats') },
      ]}
    />
  );
}

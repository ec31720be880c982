import { Flex, Typography } from 'antd';
import { useCallback, useEffect, useMemo } from 'react';
import { useT } from '../../../app/i18n';
import { useLeafletMap } from './use-leaflet';
import './map.css';

/** ColorBrewer "Blues" (sequential, colour-blind safe, readable in grey print). */
const palette = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const noData = '#f0f0f0';

export interface ChoroplethProps {
  /** the figure per district, by GB/T 2260 code (310101 …); districts without a value are drawn as 无数据 */
  values: Record<string, number>;
  /** what the figure is, for the legend (e.g. 服务人次) */
  title: string;
  /** shown after each number in the legend and tooltips */
  unit?: string;
  /** number of classes, 2–5 (equal intervals from 0 to the largest value) */
  classes?: number;
  height?: number | string;
}

/** Class breaks: equal intervals from 0 to the largest value, rounded to readable numbers. */
export function choroplethBreaks(values: number[], classes = 5): number[] {
  const n = Math.min(5, Math.max(2, classes));
  const max = Math.max(0, ...values);
  if (max === 0) return [0];
  const raw = max / n;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.ceil(raw / magnitude) * magnitude;
  return Array.from({ length: n }, (_, i) => step * (i + 1));
}

export const classOf = (v: number, breaks: number[]) => {
  const i = breaks.findIndex((b) => v <= b);
  return i < 0 ? breaks.length - 1 : i;
};

/**
 * Any district-level figure as a choropleth over the 16 districts: values by district code in, a map
 * with a legend out. The statistics pages use it; it draws offline from the app's district boundaries.
 */
export function Choropleth({ values, title, unit = '', classes = 5, height = 420 }: ChoroplethProps) {
  const t = useT();
  const breaks = useMemo(() => choroplethBreaks(Object.values(values), classes), [values, classes]);
  const colours = palette.slice(palette.length - breaks.length);
  const style = useCallback(
    (code: string) => {
      const v = values[code];
      return { fillColor: v === undefined ? noData : colours[classOf(v, breaks)], fillOpacity: 0.9, color: '#fff', weight: 1 };
    },
    [values, breaks, colours],
  );
  const { ref, map } = useLeafletMap(style, { zoomControl: false });
  useEffect(() => {
    map?.invalidateSize();
  }, [map, height]);
  return (
    <div>
      <div className="tx-map" style={{ height }}>
        <div ref={ref} data-testid="choropleth" style={{ position: 'absolute', inset: 0 }} />
        <div className="tx-map-legend tx-choropleth-legend" style={{ position: 'absolute', left: 10, bottom: 24, zIndex: 500 }} data-testid="choropleth-legend">
          <Typography.Text strong style={{ display: 'block', fontSize: 12 }}>
            {title}
          </Typography.Text>
          {breaks.map((b, i) => (
            <Flex key={b} align="center">
              <i style={{ background: colours[i] }} />
              {i === 0 ? 0 : breaks[i - 1]! + (Number.isInteger(breaks[i - 1]) ? 1 : 0)}–{b}
              {unit}
            </Flex>
          ))}
          <Flex align="center">
            <i style={{ background: noData }} />
            {t('map.noData')}
          </Flex>
        </div>
      </div>
    </div>
  );
}

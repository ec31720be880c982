/**
 * The 产业链 graph: industries as nodes (sized by how many organisations they tag), arrows from
 * upstream to downstream. Its own lazily loaded chunk: only this file imports ECharts, and only the
 * graph series and tooltip are registered.
 */
import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { IndustryChain } from '../api';

echarts.use([GraphChart, TooltipComponent, CanvasRenderer]);

type ChainOption = echarts.ComposeOption<GraphSeriesOption | TooltipComponentOption>;

const columnGap = 230;
// room for a node (≤ 52 px), its label on two lines below it and a gap
const rowGap = 100;
const looseGap = 170;
/** A label wraps within this width, narrower than the gaps between nodes: labels never run into each other. */
const labelWidth = looseGap - 24;

/** Left to right by chain depth (longest path from an upstream end); unlinked industries in a row below. */
function layout(chain: IndustryChain): Map<string, { x: number; y: number }> {
  const linked = new Set(chain.links.flatMap((link) => [link.source, link.target]));
  const depth = new Map<string, number>();
  for (const node of chain.nodes) if (linked.has(node.id)) depth.set(node.id, 0);
  // Bellman-Ford style relaxation, bounded so that a cycle cannot loop forever
  for (let round = 0; round < chain.nodes.length; round++) {
    let changed = false;
    for (const link of chain.links) {
      const next = (depth.get(link.source) ?? 0) + 1;
      if (depth.has(link.target) && next > (depth.get(link.target) ?? 0) && next < chain.nodes.length) {
        depth.set(link.target, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const columns = new Map<number, string[]>();
  for (const node of chain.nodes) {
    const d = depth.get(node.id);
    if (d === undefined) continue;
    columns.set(d, [...(columns.get(d) ?? []), node.id]);
  }
  const tallest = Math.max(0, ...[...columns.values()].map((ids) => ids.length));
  const positions = new Map<string, { x: number; y: number }>();
  for (const [d, ids] of columns) {
    const offset = ((tallest - ids.length) * rowGap) / 2;
    ids.forEach((id, index) => positions.set(id, { x: d * columnGap, y: offset + index * rowGap }));
  }
  const loose = chain.nodes.filter((node) => !depth.has(node.id));
  const width = Math.max(1, columns.size) * columnGap;
  const perRow = Math.max(3, Math.floor(width / looseGap));
  loose.forEach((node, index) =>
    positions.set(node.id, {
      x: (index % perRow) * looseGap,
      y: (tallest + 1) * rowGap + Math.floor(index / perRow) * rowGap,
    }),
  );
  return positions;
}

export function IndustryChainGraph({
  chain,
  selectedId,
  onSelect,
  label,
  tooltip,
}: {
  chain: IndustryChain;
  selectedId?: string;
  onSelect: (id: string) => void;
  label: string;
  tooltip: (name: string, organizations: number, leaders: number) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      if (params.dataType === 'node') onSelectRef.current(String((params.data as { id: string }).id));
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  const option = useMemo<ChainOption>(() => {
    const positions = layout(chain);
    const max = Math.max(1, ...chain.nodes.map((node) => node.organizationCount));
    return {
      tooltip: {
        formatter: (params) => {
          const single = Array.isArray(params) ? params[0] : params;
          const data = single?.data as { name?: string; value?: number; leaders?: number; source?: string } | undefined;
          if (!data || data.source !== undefined) return '';
          // the tooltip is HTML: names come from the database
          return tooltip(echarts.format.encodeHTML(data.name ?? ''), data.value ?? 0, data.leaders ?? 0);
        },
      },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          draggable: false,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 9,
          label: {
            show: true,
            position: 'bottom',
            fontSize: 13,
            lineHeight: 16,
            color: '#1f2a44',
            width: labelWidth,
            overflow: 'break',
            align: 'center',
          },
          // when the reader zooms out, labels that would still collide are hidden (they show on hover)
          labelLayout: { hideOverlap: true },
          lineStyle: { color: '#8fa3c7', width: 1.6, curveness: 0.12, opacity: 0.9 },
          emphasis: { focus: 'adjacency', lineStyle: { width: 3 } },
          data: chain.nodes.map((node) => {
            const point = positions.get(node.id) ?? { x: 0, y: 0 };
            const selected = node.id === selectedId;
            return {
              id: node.id,
              name: node.name,
              value: node.organizationCount,
              leaders: node.chainLeaders.length,
              x: point.x,
              y: point.y,
              symbolSize: 16 + Math.round(Math.sqrt(node.organizationCount / max) * 36),
              itemStyle: {
                color: node.chainLeaders.length > 0 ? '#c8102e' : '#2d6bd4',
                borderColor: selected ? '#f5c542' : '#fff',
                borderWidth: selected ? 4 : 1.5,
              },
              label: selected ? { fontWeight: 'bold' as const } : undefined,
            };
          }),
          links: chain.links.map((link) => ({ source: link.source, target: link.target })),
        },
      ],
    };
  }, [chain, selectedId, tooltip]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} data-testid="industry-chain-graph" style={{ width: '100%', height: 520 }} />;
}

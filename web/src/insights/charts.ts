// ECharts, only the parts used (tree-shaken), on canvas. Each chart element gets, after every render:
//   data-state  = ready | empty | error,  data-points = non-empty data points,  data-total = Σ of its main values
// so tests (and people) can tell that a chart shows data and that a filter changed it.
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, PieChart, HeatmapChart,
  GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, TitleComponent, GraphicComponent,
  CanvasRenderer,
]);

export type Option = echarts.EChartsCoreOption;

const instances = new Map<string, echarts.ECharts>();

function instance(id: string): { el: HTMLElement; chart: echarts.ECharts } {
  const el = document.getElementById(id);
  if (!el) throw new Error(`No chart element #${id}`);
  let chart = instances.get(id);
  if (!chart) {
    chart = echarts.init(el, undefined, { renderer: 'canvas' });
    instances.set(id, chart);
  }
  return { el, chart };
}

export const palette = ['#2f6fb3', '#e07b39', '#3a9a5b', '#c8463d', '#7d5ba6', '#8c6d31', '#d16ba5', '#5f7a8a', '#b5b53a', '#2aa1b3'];

/** Draws `option`; `points` and `total` describe what it shows (0 points draws a "No data" note instead). */
export function render(id: string, title: string, option: Option, points: number, total: number): void {
  const { el, chart } = instance(id);
  const base = {
    color: palette,
    animationDuration: 300,
    title: { text: title, left: 0, top: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
    tooltip: { confine: true },
  };
  if (points === 0) {
    chart.setOption(
      { ...base, graphic: { type: 'text', left: 'center', top: 'middle', style: { text: 'No data for these filters', fill: '#888', fontSize: 14 } } },
      { notMerge: true },
    );
    el.dataset.state = 'empty';
  } else {
    chart.setOption({ ...base, ...option }, { notMerge: true });
    el.dataset.state = 'ready';
  }
  el.dataset.points = String(points);
  el.dataset.total = String(Math.round(total * 100) / 100);
}

export function renderError(id: string, message: string): void {
  const { el, chart } = instance(id);
  chart.setOption(
    { graphic: { type: 'text', left: 'center', top: 'middle', style: { text: message.slice(0, 120), fill: '#a33', fontSize: 12, width: 360, overflow: 'break' } } },
    { notMerge: true },
  );
  el.dataset.state = 'error';
  el.dataset.points = '0';
  el.dataset.total = '0';
}

export function markLoading(ids: string[]): void {
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el) el.dataset.state = 'loading';
  }
}

export function resizeAll(): void {
  for (const chart of instances.values()) chart.resize();
}

/** The ECharts instance of a chart element (for debugging in the console: `oaInsights.chart('chart-revenue').getOption()`). */
export function chartOf(id: string): echarts.ECharts | undefined {
  return instances.get(id);
}

export const sum = (values: Iterable<number>) => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};

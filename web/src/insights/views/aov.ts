import { gql } from '../api';
import { render, sum } from '../charts';
import { filterVariables, type Filters } from '../filters';
import { change, int, money, periodLabel } from '../format';
import { filterArgs, filterPass, type View } from './view';

interface Aov {
  start: string; from: string; to: string; complete: boolean; orders: number;
  averageOrderValue: number | null; averageNetOrderValue: number | null; previousAverageOrderValue: number | null; changePercent: number | null;
}

const query = `query InsightsAov($period: Period!, ${filterArgs}) {
  averageOrderValue(period: $period, ${filterPass}) {
    start from to complete orders averageOrderValue averageNetOrderValue previousAverageOrderValue changePercent
  }
}`;

const n = (v: number | null) => (v == null ? null : Number(v));

export const aovView: View = {
  name: 'aov',
  charts: ['chart-aov'],
  async load(filters: Filters, signal: AbortSignal) {
    const { averageOrderValue: rows } = await gql<{ averageOrderValue: Aov[] }>(query, { period: filters.period, ...filterVariables(filters) }, signal);
    const aov = rows.map((r) => n(r.averageOrderValue));
    render('chart-aov', `AOV by ${filters.period.toLowerCase()}`, {
      legend: { top: 0, right: 0 },
      grid: { left: 60, right: 16, top: 36, bottom: 30 },
      tooltip: {
        trigger: 'axis',
        formatter: (p: { dataIndex: number }[]) => {
          const r = rows[p[0].dataIndex];
          return `<b>${r.from} – ${r.to}</b>${r.complete ? '' : ' (partial)'}<br>AOV ${money(r.averageOrderValue)} (net ${money(r.averageNetOrderValue)})<br>` +
            `Previous ${money(r.previousAverageOrderValue)} · change ${change(r.changePercent)}<br>${int(r.orders)} orders`;
        },
      },
      xAxis: { type: 'category', data: rows.map((r) => periodLabel(r.start, filters.period)), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => money(v) } },
      series: [
        { name: 'AOV', type: 'line', data: aov, symbolSize: 5 },
        { name: 'Net AOV', type: 'line', data: rows.map((r) => n(r.averageNetOrderValue)), symbolSize: 4 },
        { name: 'Previous AOV', type: 'line', data: rows.map((r) => n(r.previousAverageOrderValue)), symbolSize: 3, lineStyle: { type: 'dashed' } },
      ],
    }, aov.filter((v) => v != null).length, sum(aov.map((v) => v ?? 0)));
  },
};

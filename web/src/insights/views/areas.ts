import { gql } from '../api';
import { render, sum } from '../charts';
import { filterVariables, type Filters } from '../filters';
import { esc, int, money, pct } from '../format';
import { filterArgs, filterPass, type View } from './view';

interface Area { locality: string; customers: number; figures: { orders: number; revenue: number }; revenueShare: number }
interface AreaHour { locality: string; hour: number; figures: { orders: number; revenue: number } }

const query = `query InsightsAreas(${filterArgs}) {
  deliveryAreas(top: 15, ${filterPass}) { locality customers figures { orders revenue } revenueShare }
  deliveryAreaHours(top: 15, ${filterPass}) { locality hour figures { orders revenue } }
}`;

const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

export const areasView: View = {
  name: 'areas',
  charts: ['chart-areas', 'chart-area-hours'],
  async load(filters: Filters, signal: AbortSignal) {
    const d = await gql<{ deliveryAreas: Area[]; deliveryAreaHours: AreaHour[] }>(query, filterVariables(filters), signal);
    const areas = d.deliveryAreas.filter((a) => Number(a.figures.orders) > 0);
    const names = areas.map((a) => a.locality);
    render('chart-areas', 'Delivery revenue by locality', {
      grid: { left: 8, right: 70, top: 30, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const a = areas[p.dataIndex];
          return `<b>${esc(a.locality)}</b><br>${money(a.figures.revenue)} (${pct(a.revenueShare)})<br>${int(a.figures.orders)} orders · ${int(a.customers)} customers`;
        },
      },
      xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
      series: [{
        type: 'bar', data: areas.map((a) => Number(a.figures.revenue)), itemStyle: { color: '#c8463d' }, barMaxWidth: 16,
        label: { show: true, position: 'right', formatter: (p: { value: number }) => money(p.value) },
      }],
    }, areas.length, sum(areas.map((a) => Number(a.figures.revenue))));

    // Rows in the bar chart's order; a locality only in the hour cells (should not happen) goes last.
    const rows = [...names, ...new Set(d.deliveryAreaHours.map((c) => c.locality).filter((l) => !names.includes(l)))];
    const cells = d.deliveryAreaHours.filter((c) => Number(c.figures.orders) > 0);
    const max = Math.max(1, ...cells.map((c) => Number(c.figures.orders)));
    render('chart-area-hours', 'Delivery orders: locality × IST hour', {
      grid: { left: 8, right: 12, top: 30, bottom: 70, containLabel: true },
      tooltip: {
        formatter: (p: { dataIndex: number }) => {
          const c = cells[p.dataIndex];
          return `<b>${esc(c.locality)}</b>, ${hours[c.hour]}:00–${hours[c.hour]}:59<br>${int(c.figures.orders)} orders · ${money(c.figures.revenue)}`;
        },
      },
      xAxis: { type: 'category', data: hours, splitArea: { show: true } },
      yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemWidth: 12, itemHeight: 160, precision: 0, inRange: { color: ['#fbf1ef', '#eba79f', '#c8463d', '#6e1f19'] } },
      series: [{ type: 'heatmap', data: cells.map((c) => [c.hour, rows.indexOf(c.locality), Number(c.figures.orders)]) }],
    }, cells.length, sum(cells.map((c) => Number(c.figures.orders))));
  },
};

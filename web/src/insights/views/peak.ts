import { gql } from '../api';
import { render, sum } from '../charts';
import { filterVariables, type Filters } from '../filters';
import { dec, int, money, weekdays } from '../format';
import { filterArgs, filterPass, type View } from './view';

interface Cell { weekday: number; hour: number; days: number; figures: { orders: number; revenue: number }; averageOrders: number; averageRevenue: number }

const query = `query InsightsPeakHours(${filterArgs}) {
  peakHours(${filterPass}) { weekday hour days figures { orders revenue } averageOrders averageRevenue }
}`;

const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

export const peakView: View = {
  name: 'peak',
  charts: ['chart-peak-hours'],
  async load(filters: Filters, signal: AbortSignal) {
    const { peakHours: cells } = await gql<{ peakHours: Cell[] }>(query, filterVariables(filters), signal);
    const data = cells.map((c) => [c.hour, c.weekday - 1, Number(c.averageOrders)]);
    const max = Math.max(1, ...cells.map((c) => Number(c.averageOrders)));
    render('chart-peak-hours', 'Orders per typical day (IST)', {
      grid: { left: 44, right: 12, top: 30, bottom: 84 },
      tooltip: {
        formatter: (p: { dataIndex: number }) => {
          const c = cells[p.dataIndex];
          return `<b>${weekdays[c.weekday - 1]} ${hours[c.hour]}:00–${hours[c.hour]}:59</b><br>${dec(c.averageOrders)} orders per ${weekdays[c.weekday - 1]} ` +
            `(${int(c.figures.orders)} over ${c.days} days)<br>${money(c.averageRevenue)} per ${weekdays[c.weekday - 1]}`;
        },
      },
      xAxis: { type: 'category', data: hours, splitArea: { show: true } },
      yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemWidth: 12, itemHeight: 160, precision: 1, inRange: { color: ['#f2f6fb', '#9cc3e6', '#2f6fb3', '#173b66'] } },
      series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
    }, cells.length, sum(cells.map((c) => Number(c.figures.orders))));
  },
};

import { gql } from '../api';
import { render, sum } from '../charts';
import { filterVariables, type Filters } from '../filters';
import { change, int, money, num, periodLabel } from '../format';
import { filterArgs, filterPass, type View } from './view';

interface Bucket {
  start: string; from: string; to: string; complete: boolean;
  previousFrom: string; previousTo: string;
  current: { orders: number; revenue: number; netSales: number; cancelledOrders: number; cancelledValue: number; complimentaryOrders: number };
  previous: { orders: number; revenue: number };
  revenueChangePercent: number | null;
}

const query = `query InsightsRevenue($period: Period!, ${filterArgs}) {
  revenue(period: $period, ${filterPass}) {
    start from to complete previousFrom previousTo revenueChangePercent
    current { orders revenue netSales cancelledOrders cancelledValue complimentaryOrders }
    previous { orders revenue }
  }
}`;

function renderKpis(buckets: Bucket[]): void {
  const revenue = sum(buckets.map((b) => num(b.current.revenue)));
  const orders = sum(buckets.map((b) => num(b.current.orders)));
  const cancelled = sum(buckets.map((b) => num(b.current.cancelledOrders)));
  const cancelledValue = sum(buckets.map((b) => num(b.current.cancelledValue)));
  const complimentary = sum(buckets.map((b) => num(b.current.complimentaryOrders)));
  const range = buckets.length ? `${buckets[0].from} – ${buckets[buckets.length - 1].to}` : 'no orders';
  const tiles: [string, string, string][] = [
    ['kpi-revenue', 'Revenue', money(revenue)],
    ['kpi-orders', 'Success orders', int(orders)],
    ['kpi-aov', 'Average order value', orders ? money(revenue / orders) : '–'],
    ['kpi-cancelled', 'Cancelled (not revenue)', `${int(cancelled)} · ${money(cancelledValue)}`],
    ['kpi-complimentary', 'Complimentary', int(complimentary)],
    ['kpi-range', 'Business dates', range],
  ];
  const host = document.getElementById('kpis')!;
  host.innerHTML = '';
  for (const [id, label, value] of tiles) {
    const tile = document.createElement('div');
    tile.className = 'kpi';
    tile.id = id;
    tile.innerHTML = `<span class="label"></span><span class="value"></span>`;
    tile.querySelector('.label')!.textContent = label;
    tile.querySelector('.value')!.textContent = value;
    host.append(tile);
  }
  host.dataset.revenue = String(Math.round(revenue * 100) / 100);
}

export const revenueView: View = {
  name: 'revenue',
  charts: ['chart-revenue'],
  async load(filters: Filters, signal: AbortSignal) {
    const data = await gql<{ revenue: Bucket[] }>(query, { period: filters.period, ...filterVariables(filters) }, signal);
    const buckets = data.revenue;
    renderKpis(buckets);
    const labels = buckets.map((b) => periodLabel(b.start, filters.period));
    const current = buckets.map((b) => ({
      value: num(b.current.revenue),
      itemStyle: b.complete ? undefined : { opacity: 0.45 },
    }));
    const previous = buckets.map((b) => num(b.previous.revenue));
    render('chart-revenue', `Revenue by ${filters.period.toLowerCase()}`, {
      legend: { top: 0, right: 0, data: ['Revenue', 'Previous period'] },
      grid: { left: 70, right: 16, top: 36, bottom: 50 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const b = buckets[params[0].dataIndex];
          return `<b>${b.from} – ${b.to}</b>${b.complete ? '' : ' (partial)'}<br>` +
            `Revenue ${money(b.current.revenue)} · ${int(b.current.orders)} orders<br>` +
            `Previous (${b.previousFrom} – ${b.previousTo}) ${money(b.previous.revenue)} · ${int(b.previous.orders)} orders<br>` +
            `Change ${change(b.revenueChangePercent)} · cancelled ${int(b.current.cancelledOrders)} (${money(b.current.cancelledValue)})`;
        },
      },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      series: [
        { name: 'Revenue', type: 'bar', data: current, barMaxWidth: 36 },
        { name: 'Previous period', type: 'line', data: previous, symbolSize: 4, lineStyle: { type: 'dashed' } },
      ],
    }, buckets.filter((b) => num(b.current.revenue) > 0).length, sum(current.map((c) => c.value)));
  },
};

import { gql } from '../api';
import { render, sum } from '../charts';
import { filterVariables, type Filters } from '../filters';
import { dec, int, monthLabel, pct, periodLabel } from '../format';
import { filterArgs, filterPass, type View } from './view';

interface Summary {
  customers: number; repeatCustomers: number; newCustomers: number; returningCustomers: number;
  identifiedOrders: number; anonymousOrders: number; repeatRate: number; ordersPerCustomer: number;
}
interface Period { start: string; customers: number; newCustomers: number; returningCustomers: number; returningShare: number }
interface Cohort { month: string; size: number; months: { offset: number; activeCustomers: number; retention: number }[] }

const query = `query InsightsRetention($period: Period!, ${filterArgs}) {
  customerRetention(${filterPass}) {
    summary { customers repeatCustomers newCustomers returningCustomers identifiedOrders anonymousOrders repeatRate ordersPerCustomer }
    periods(period: $period) { start customers newCustomers returningCustomers returningShare }
    cohorts { month size months { offset activeCustomers retention } }
  }
}`;

function renderSummary(s: Summary): void {
  const host = document.getElementById('retention-summary')!;
  const stats: [string, string, string][] = [
    ['stat-repeat-rate', 'Repeat rate', pct(s.repeatRate)],
    ['stat-customers', 'Customers', int(s.customers)],
    ['stat-repeat', 'Repeat customers', int(s.repeatCustomers)],
    ['stat-new', 'New in range', int(s.newCustomers)],
    ['stat-returning', 'Returning', int(s.returningCustomers)],
    ['stat-orders-per-customer', 'Orders per customer', dec(s.ordersPerCustomer)],
    ['stat-anonymous', 'Orders without customer', int(s.anonymousOrders)],
  ];
  host.innerHTML = '';
  for (const [id, label, value] of stats) {
    const item = document.createElement('div');
    item.id = id;
    item.innerHTML = '<span class="label"></span> <span class="value"></span>';
    item.querySelector('.label')!.textContent = label;
    item.querySelector('.value')!.textContent = value;
    host.append(item);
  }
  host.dataset.repeatRate = String(s.repeatRate);
}

export const retentionView: View = {
  name: 'retention',
  charts: ['chart-retention-periods', 'chart-cohorts'],
  async load(filters: Filters, signal: AbortSignal) {
    const { customerRetention: r } = await gql<{ customerRetention: { summary: Summary; periods: Period[]; cohorts: Cohort[] } }>(
      query, { period: filters.period, ...filterVariables(filters) }, signal);
    renderSummary(r.summary);

    const periods = r.periods;
    render('chart-retention-periods', `New vs returning customers by ${filters.period.toLowerCase()}`, {
      legend: { top: 0, right: 0 },
      grid: { left: 50, right: 16, top: 36, bottom: 30 },
      tooltip: {
        trigger: 'axis',
        formatter: (p: { dataIndex: number }[]) => {
          const x = periods[p[0].dataIndex];
          return `<b>${x.start}</b><br>${int(x.customers)} customers: ${int(x.newCustomers)} new, ${int(x.returningCustomers)} returning (${pct(x.returningShare)})`;
        },
      },
      xAxis: { type: 'category', data: periods.map((x) => periodLabel(x.start, filters.period)), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value' },
      series: [
        { name: 'New', type: 'bar', stack: 'c', data: periods.map((x) => Number(x.newCustomers)), barMaxWidth: 36 },
        { name: 'Returning', type: 'bar', stack: 'c', data: periods.map((x) => Number(x.returningCustomers)), barMaxWidth: 36 },
      ],
    }, periods.filter((x) => Number(x.customers) > 0).length, sum(periods.map((x) => Number(x.customers))));

    const cohorts = r.cohorts;
    const offsets = Math.max(1, ...cohorts.map((c) => c.months.length));
    const cells = cohorts.flatMap((c, row) =>
      c.months.map((m) => ({ value: [m.offset, row, Math.round(Number(m.retention) * 1000) / 10], cohort: c, month: m })));
    render('chart-cohorts', 'Monthly cohorts: % active in later months', {
      grid: { left: 70, right: 12, top: 30, bottom: 40 },
      tooltip: {
        formatter: (p: { dataIndex: number }) => {
          const cell = cells[p.dataIndex];
          return `<b>Cohort ${monthLabel(cell.cohort.month)}</b> (${int(cell.cohort.size)} customers)<br>` +
            `Month +${cell.month.offset}: ${int(cell.month.activeCustomers)} active (${pct(cell.month.retention)})`;
        },
      },
      xAxis: { type: 'category', name: 'months after first order', nameLocation: 'middle', nameGap: 24, data: Array.from({ length: offsets }, (_, i) => `+${i}`) },
      yAxis: { type: 'category', inverse: true, data: cohorts.map((c) => `${monthLabel(c.month)} (${c.size})`) },
      visualMap: { show: false, min: 0, max: 100, inRange: { color: ['#f6f1fb', '#b9a2d6', '#7d5ba6', '#40295f'] } },
      series: [{ type: 'heatmap', data: cells.map((c) => c.value), label: { show: true, formatter: (p: { value: number[] }) => `${p.value[2]}%` } }],
    }, cells.length, sum(cohorts.map((c) => Number(c.size))));
  },
};

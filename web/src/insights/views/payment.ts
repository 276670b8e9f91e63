import { gql } from '../api';
import { render, sum } from '../charts';
import { filterVariables, type Filters } from '../filters';
import { esc, int, money, pct } from '../format';
import { filterArgs, filterPass, type View } from './view';

interface Payment { method: string; orders: number; amount: number; splitOrders: number; splitAmount: number; share: number }

const query = `query InsightsPayments(${filterArgs}) {
  paymentMix(${filterPass}) { method orders amount splitOrders splitAmount share }
}`;

export const paymentView: View = {
  name: 'payment',
  charts: ['chart-payment-mix'],
  async load(filters: Filters, signal: AbortSignal) {
    const { paymentMix } = await gql<{ paymentMix: Payment[] }>(query, filterVariables(filters), signal);
    const rows = [...paymentMix].sort((a, b) => Number(a.amount) - Number(b.amount)); // largest at the top
    render('chart-payment-mix', 'Amount by payment method', {
      legend: { top: 0, right: 0, data: ['Whole order', 'Part of a split payment'] },
      grid: { left: 8, right: 70, top: 36, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (p: { dataIndex: number }[]) => {
          const r = rows[p[0].dataIndex];
          return `<b>${esc(r.method)}</b>: ${money(r.amount)} (${pct(r.share)} of revenue)<br>${int(r.orders)} orders, ` +
            `of which ${int(r.splitOrders)} split (${money(r.splitAmount)} as parts)`;
        },
      },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
      yAxis: { type: 'category', data: rows.map((r) => r.method) },
      series: [
        { name: 'Whole order', type: 'bar', stack: 'p', data: rows.map((r) => Number(r.amount) - Number(r.splitAmount)), barMaxWidth: 22 },
        {
          name: 'Part of a split payment', type: 'bar', stack: 'p', data: rows.map((r) => Number(r.splitAmount)), barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => pct(rows[p.dataIndex].share) },
        },
      ],
    }, rows.filter((r) => Number(r.amount) !== 0).length, sum(rows.map((r) => Number(r.amount))));
  },
};

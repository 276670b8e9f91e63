import { gql } from '../api';
import { render, sum, type Option } from '../charts';
import { filterVariables, offerOptions, type Filters } from '../filters';
import { esc, int, money, pct } from '../format';
import { filterArgs, filterPass, type View } from './view';

interface Share { key: string; figures: { orders: number; revenue: number }; orderShare: number; revenueShare: number }

const query = `query InsightsMix(${filterArgs}) {
  channelMix(${filterPass}) { key figures { orders revenue } orderShare revenueShare }
  orderTypeMix(${filterPass}) { key figures { orders revenue } orderShare revenueShare }
}`;

function donut(rows: Share[]): Option {
  return {
    legend: { type: 'plain', bottom: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const r = rows[p.dataIndex];
        return `<b>${esc(r.key)}</b><br>${int(r.figures.orders)} orders (${pct(r.orderShare)})<br>${money(r.figures.revenue)} (${pct(r.revenueShare)} of revenue)`;
      },
    },
    series: [{
      type: 'pie', radius: ['34%', '72%'], center: ['50%', '48%'],
      // Names in the legend; the share inside slices big enough to hold it.
      label: { position: 'inside', formatter: '{d}%', color: '#fff', fontSize: 11 },
      data: rows.map((r) => ({ name: r.key, value: Number(r.figures.orders), label: { show: Number(r.orderShare) >= 0.06 } })),
    }],
  };
}

export const mixView: View = {
  name: 'mix',
  charts: ['chart-channel-mix', 'chart-order-type-mix'],
  async load(filters: Filters, signal: AbortSignal) {
    const d = await gql<{ channelMix: Share[]; orderTypeMix: Share[] }>(query, filterVariables(filters), signal);
    // The filter choices are the values the data has (seen so far).
    offerOptions('channel', d.channelMix.map((r) => r.key));
    offerOptions('orderType', d.orderTypeMix.map((r) => r.key));
    const live = (rows: Share[]) => rows.filter((r) => Number(r.figures.orders) > 0);
    const channels = live(d.channelMix);
    const types = live(d.orderTypeMix);
    render('chart-channel-mix', 'Orders by channel', donut(channels), channels.length, sum(channels.map((r) => Number(r.figures.revenue))));
    render('chart-order-type-mix', 'Orders by order type', donut(types), types.length, sum(types.map((r) => Number(r.figures.revenue))));
  },
};

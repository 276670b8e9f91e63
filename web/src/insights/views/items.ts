import { gql } from '../api';
import { render, sum, type Option } from '../charts';
import { filterVariables, type Filters } from '../filters';
import { dec, esc, money, pct } from '../format';
import { filterArgs, filterPass, type View } from './view';

interface Item { rank: number; name: string; type: string; quantity: number; netSales: number; quantityShare: number; revenueShare: number }
interface Addon { rank: number; name: string; group: string; quantity: number; sales: number }

const query = `query InsightsItems(${filterArgs}) {
  byQuantity: topItems(by: QUANTITY, limit: 10, ${filterPass}) { rank name type quantity netSales quantityShare revenueShare }
  byRevenue: topItems(by: REVENUE, limit: 10, ${filterPass}) { rank name type quantity netSales quantityShare revenueShare }
  addons: topAddons(by: QUANTITY, limit: 10, ${filterPass}) { rank name group quantity sales }
}`;

/** Horizontal bars, best first at the top. */
function bars(names: string[], values: number[], format: (v: number) => string, tip: (i: number) => string, color: string): Option {
  return {
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => tip(names.length - 1 - p.dataIndex) },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [{
      type: 'bar', data: [...values].reverse(), itemStyle: { color }, barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value) },
    }],
  };
}

export const itemsView: View = {
  name: 'items',
  charts: ['chart-items-quantity', 'chart-items-revenue', 'chart-addons'],
  async load(filters: Filters, signal: AbortSignal) {
    const d = await gql<{ byQuantity: Item[]; byRevenue: Item[]; addons: Addon[] }>(query, filterVariables(filters), signal);
    const itemTip = (items: Item[]) => (i: number) =>
      `<b>#${items[i].rank} ${esc(items[i].name)}</b> (${esc(items[i].type)})<br>${dec(items[i].quantity)} units (${pct(items[i].quantityShare)})<br>` +
      `Net sales ${money(items[i].netSales)} (${pct(items[i].revenueShare)})`;

    const q = d.byQuantity.map((i) => Number(i.quantity));
    render('chart-items-quantity', 'By units', bars(d.byQuantity.map((i) => i.name), q, dec, itemTip(d.byQuantity), '#2f6fb3'), q.length, sum(q));

    const r = d.byRevenue.map((i) => Number(i.netSales));
    render('chart-items-revenue', 'By net sales', bars(d.byRevenue.map((i) => i.name), r, money, itemTip(d.byRevenue), '#3a9a5b'), r.length, sum(r));

    const a = d.addons.map((x) => Number(x.quantity));
    render('chart-addons', 'Addons by units', bars(d.addons.map((x) => x.name), a, dec,
      (i) => `<b>${esc(d.addons[i].name)}</b> (${esc(d.addons[i].group)})<br>${dec(d.addons[i].quantity)} units · ${money(d.addons[i].sales)} list price`,
      '#e07b39'), a.length, sum(a));
  },
};

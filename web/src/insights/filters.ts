// The filter bar: date range, channel, order type, restaurant and granularity. The filters (never the key) are
// mirrored in the URL's query string so a view can be bookmarked or shared.
import type { Variables } from './api';

export interface Filters {
  from: string | null;
  to: string | null;
  channel: string | null;
  orderType: string | null;
  restaurant: string | null;
  period: 'DAY' | 'WEEK' | 'MONTH';
}

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const controls = {
  from: () => el<HTMLInputElement>('filter-from'),
  to: () => el<HTMLInputElement>('filter-to'),
  channel: () => el<HTMLSelectElement>('filter-channel'),
  orderType: () => el<HTMLSelectElement>('filter-order-type'),
  restaurant: () => el<HTMLInputElement>('filter-restaurant'),
  period: () => el<HTMLSelectElement>('filter-period'),
};
const urlNames: Record<keyof Filters, string> = {
  from: 'from', to: 'to', channel: 'channel', orderType: 'orderType', restaurant: 'restaurant', period: 'period',
};

const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function readFilters(): Filters {
  const period = controls.period().value;
  return {
    from: blankToNull(controls.from().value),
    to: blankToNull(controls.to().value),
    channel: blankToNull(controls.channel().value),
    orderType: blankToNull(controls.orderType().value),
    restaurant: blankToNull(controls.restaurant().value),
    period: period === 'DAY' || period === 'MONTH' ? period : 'WEEK',
  };
}

/** The arguments every analytics query takes. */
export function filterVariables(f: Filters): Variables {
  return { from: f.from, to: f.to, restaurant: f.restaurant, channel: f.channel, orderType: f.orderType };
}

/** Adds options seen in the data (channels, order types) to a select, keeping the current choice. */
export function offerOptions(which: 'channel' | 'orderType', values: string[]): void {
  const select = controls[which]();
  const present = new Set(Array.from(select.options, (o) => o.value));
  for (const value of values.filter((v) => v && !present.has(v)).sort()) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    select.append(option);
  }
}

export function restoreFromUrl(): void {
  const params = new URLSearchParams(location.search);
  for (const [name, key] of Object.entries(urlNames) as [keyof Filters, string][]) {
    const value = params.get(key);
    if (value == null) continue;
    if (name === 'channel' || name === 'orderType') offerOptions(name, [value]);
    controls[name]().value = value;
  }
}

export function writeToUrl(f: Filters): void {
  const params = new URLSearchParams();
  for (const [name, key] of Object.entries(urlNames) as [keyof Filters, string][]) {
    const value = f[name];
    if (value && !(name === 'period' && value === 'WEEK')) params.set(key, value);
  }
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

export function onFiltersChange(handler: () => void): void {
  for (const control of Object.values(controls)) control().addEventListener('change', handler);
  el<HTMLButtonElement>('filter-reset').addEventListener('click', () => {
    controls.from().value = '';
    controls.to().value = '';
    controls.channel().value = '';
    controls.orderType().value = '';
    controls.restaurant().value = '';
    controls.period().value = 'WEEK';
    handler();
  });
}

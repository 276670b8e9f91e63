const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 });
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const money = (v: number | null | undefined) => (v == null ? '–' : rupees.format(v));
export const int = (v: number | null | undefined) => (v == null ? '–' : count.format(v));
export const dec = (v: number | null | undefined) => (v == null ? '–' : decimal.format(v));
export const pct = (share: number | null | undefined) => (share == null ? '–' : `${decimal.format(share * 100)}%`);
export const change = (percent: number | null | undefined) =>
  percent == null ? 'n/a' : `${percent >= 0 ? '+' : ''}${decimal.format(percent)}%`;
export const num = (v: unknown) => (v == null ? 0 : Number(v));

export const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "2026-01-12" → "12 Jan" (DAY), "wk 12 Jan" (WEEK), "Jan 2026" (MONTH). */
export function periodLabel(iso: string, period: string): string {
  const [y, m, d] = iso.split('-');
  const month = months[Number(m) - 1] ?? m;
  if (period === 'MONTH') return `${month} ${y}`;
  return `${period === 'WEEK' ? 'wk ' : ''}${Number(d)} ${month}`;
}

export const monthLabel = (iso: string) => periodLabel(iso, 'MONTH');

/** Escapes text for the HTML of chart tooltips: names come from order data (items, localities, channels). */
export const esc = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

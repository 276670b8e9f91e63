import type { Filters } from '../filters';

/** One of the eight Task-5 views: its section (data-view), its chart elements, and how it loads and draws. */
export interface View {
  name: string;
  charts: string[];
  load(filters: Filters, signal: AbortSignal): Promise<void>;
}

/** Variable declarations and arguments shared by every analytics query (the filter bar). */
export const filterArgs = '$from: DateOnly, $to: DateOnly, $restaurant: String, $channel: String, $orderType: String';
export const filterPass = 'from: $from, to: $to, restaurant: $restaurant, channel: $channel, orderType: $orderType';

// The insights page: a key bar, the filter bar, and the eight Task-5 views, each one GraphQL request with the
// filters. <body data-state> is idle | needs-key | loading | ready | error | unauthorized, and
// <body data-generation> counts finished loads, so a test can wait for a load that a filter change started.
import '../shared/keybar.css';
import './style.css';
import { getApiKey, mountKeyBar, onApiKeyChange } from '../shared/apikey';
import { ApiError } from './api';
import { chartOf, markLoading, renderError, resizeAll } from './charts';
import { filterVariables, onFiltersChange, readFilters, restoreFromUrl, writeToUrl } from './filters';
import { aovView } from './views/aov';
import { areasView } from './views/areas';
import { itemsView } from './views/items';
import { mixView } from './views/mix';
import { paymentView } from './views/payment';
import { peakView } from './views/peak';
import { retentionView } from './views/retention';
import { revenueView } from './views/revenue';
import type { View } from './views/view';

const views: View[] = [revenueView, itemsView, aovView, mixView, peakView, paymentView, retentionView, areasView];

const body = document.body;
const status = document.getElementById('load-status')!;
const keyBar = mountKeyBar(document.getElementById('keybar')!);
let generation = 0;
let inFlight: AbortController | null = null;

async function refresh(): Promise<void> {
  inFlight?.abort();
  if (!getApiKey()) {
    body.dataset.state = 'needs-key';
    status.textContent = 'Enter an API key to load the charts.';
    return;
  }
  const controller = new AbortController();
  inFlight = controller;
  const filters = readFilters();
  writeToUrl(filters);
  const variables = JSON.stringify({ ...filterVariables(filters), period: filters.period });
  body.dataset.state = 'loading';
  status.textContent = 'Loading…';
  markLoading(views.flatMap((v) => v.charts));

  let failures = 0;
  let unauthorized = false;
  const started = performance.now();
  await Promise.all(views.map(async (view) => {
    const section = document.querySelector<HTMLElement>(`[data-view="${view.name}"]`)!;
    try {
      await view.load(filters, controller.signal);
      if (controller.signal.aborted) return;
      section.dataset.filters = variables;
      section.dataset.state = 'ready';
    } catch (error) {
      if (controller.signal.aborted) return;
      failures++;
      unauthorized ||= error instanceof ApiError && error.unauthorized;
      const message = error instanceof Error ? error.message : String(error);
      section.dataset.state = 'error';
      for (const id of view.charts) renderError(id, message);
    }
  }));
  if (controller.signal.aborted) return;

  generation++;
  body.dataset.generation = String(generation);
  if (unauthorized) {
    body.dataset.state = 'unauthorized';
    status.textContent = '';
    keyBar.setStatus('The key was rejected: enter a valid analyst or admin key.', true);
  } else if (failures > 0) {
    body.dataset.state = 'error';
    status.textContent = `${failures} of ${views.length} views failed.`;
  } else {
    body.dataset.state = 'ready';
    status.textContent = `Updated in ${Math.round(performance.now() - started)} ms.`;
  }
}

restoreFromUrl();
onFiltersChange(() => void refresh());
onApiKeyChange(() => void refresh());
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(resizeAll, 150);
});
// For the console: oaInsights.chart('chart-revenue').getOption()
Object.assign(window, { oaInsights: { chart: chartOf, refresh } });
void refresh();

// GraphiQL (bundled, no CDN) against this service's POST /graphql. The key from the key bar (sessionStorage only)
// is sent as X-API-Key unless the Headers tab sets one; GraphiQL is told not to persist headers.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '../shared/keybar.css';
import './graphiql.css';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { getApiKey, mountKeyBar, onApiKeyChange } from '../shared/apikey';

const endpoint = new URL('../graphql', document.baseURI).toString();

const defaultQuery = `# OrderAnalytics GraphQL. Enter an analyst or admin key above (kept in this tab's sessionStorage only),
# or put {"X-API-Key": "..."} in the Headers tab below (not saved). Ctrl+Enter runs the query.
# Business day = 05:00–04:59 IST; revenue = billed total of Success orders. See the Docs pane for every field.
{
  ingestionStatus { orders lastStreamId lagSeconds }
  revenue(period: MONTH) { start current { orders revenue averageOrderValue } revenueChangePercent }
}
`;

type FetcherParams = { query: string; operationName?: string | null; variables?: unknown };
type FetcherOptions = { headers?: Record<string, string> };

async function fetcher(params: FetcherParams, options?: FetcherOptions): Promise<unknown> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    ...(options?.headers ?? {}),
  };
  const key = getApiKey();
  const hasOwnKey = Object.keys(headers).some((h) => h.toLowerCase() === 'x-api-key' || h.toLowerCase() === 'authorization');
  if (key && !hasOwnKey) headers['X-API-Key'] = key;
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(params), credentials: 'omit', cache: 'no-store' });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    const hint = response.status === 401 ? ' — enter a valid API key above.' : '';
    return { errors: [{ message: `HTTP ${response.status} ${response.statusText}${hint}${text ? `: ${text.slice(0, 200)}` : ''}` }] };
  }
}

mountKeyBar(document.getElementById('keybar')!, ' Or set X-API-Key in the Headers tab (not saved).');
const root = createRoot(document.getElementById('graphiql')!);
let mount = 0;
// Re-mounted when the key changes, so the schema (Docs, completion) is fetched again with the new key.
const show = () =>
  root.render(createElement(GraphiQL, {
    key: `graphiql-${mount++}`,
    fetcher: fetcher as never,
    defaultQuery,
    shouldPersistHeaders: false,
  }));
onApiKeyChange(show);
show();

// The API key lives in this tab's sessionStorage only: never in localStorage, a cookie or the URL. It is sent as
// the X-API-Key header. The key bar has no <form>, so nothing can ever submit the key as a query string.

const storageKey = 'orderAnalytics.apiKey';
type Listener = (key: string | null) => void;
const listeners: Listener[] = [];

export function getApiKey(): string | null {
  try {
    const key = sessionStorage.getItem(storageKey);
    return key && key.length > 0 ? key : null;
  } catch {
    return null;
  }
}

export function setApiKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(storageKey, key);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage disabled: the key is simply not kept.
  }
  for (const listener of listeners) listener(getApiKey());
}

export function onApiKeyChange(listener: Listener): void {
  listeners.push(listener);
}

/** Renders the key field into `host`: a password input, "Use key" and "Forget", and a status line. */
export function mountKeyBar(host: HTMLElement, hint = ''): { setStatus(text: string, bad?: boolean): void } {
  host.classList.add('oa-keybar');
  host.innerHTML = `
    <label for="api-key">API key</label>
    <input id="api-key" type="password" autocomplete="off" spellcheck="false" placeholder="analyst or admin key">
    <button id="api-key-save" type="button">Use key</button>
    <button id="api-key-clear" type="button">Forget</button>
    <span id="api-key-status" role="status"></span>`;
  const input = host.querySelector<HTMLInputElement>('#api-key')!;
  const status = host.querySelector<HTMLSpanElement>('#api-key-status')!;
  const setStatus = (text: string, bad = false) => {
    status.textContent = text;
    status.classList.toggle('bad', bad);
  };
  const describe = () =>
    setStatus(getApiKey() ? 'Key set for this tab (sessionStorage).' + hint : 'Enter an API key to query.' + hint, !getApiKey());
  const save = () => {
    const key = input.value.trim();
    if (!key) return;
    input.value = '';
    setApiKey(key);
  };
  host.querySelector('#api-key-save')!.addEventListener('click', save);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') save();
  });
  host.querySelector('#api-key-clear')!.addEventListener('click', () => setApiKey(null));
  onApiKeyChange(describe);
  describe();
  return { setStatus };
}

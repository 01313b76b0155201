/**
 * The renderer's single API client. The transport is chosen once:
 * Electron's preload exposes `window.traCuu` (one function per request);
 * otherwise we are in browser mode and talk HTTP to the server that served us.
 * Only stores call this module.
 */
import type { ApiClient } from '../../../electron/api/contract';
import { createHttpClient } from './http';

declare global {
  interface Window {
    traCuu?: ApiClient;
  }
}

let current: ApiClient | null = null;

function pickTransport(): ApiClient {
  if (typeof window !== 'undefined' && window.traCuu) return window.traCuu;
  // Relative to the page: works at http://127.0.0.1:<port>/ and under a sub-path.
  const base = typeof location !== 'undefined' ? new URL('./', location.href).href : '/';
  return createHttpClient(base);
}

export function api(): ApiClient {
  current ??= pickTransport();
  return current;
}

/** For store tests: put a fake client in place (pass null to reset). */
export function setApiClient(client: ApiClient | null): void {
  current = client;
}

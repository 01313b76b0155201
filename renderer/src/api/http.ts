/**
 * Browser mode: the same contract over HTTP. POST /api/<name>, JSON body = args;
 * 200 → JSON result, 4xx/5xx → { error: "<Vietnamese message>" }.
 */
import type { Api, ApiClient, ApiName } from '../../../electron/api/contract';

/** An error whose message is already fit to show a user (Vietnamese). */
export class ApiRequestError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export function createHttpClient(baseUrl: string, fetchImpl: Fetch = (u, i) => fetch(u, i)): ApiClient {
  async function call<K extends ApiName>(name: K, args: Api[K]['args']): Promise<Api[K]['result']> {
    let res: Response;
    try {
      res = await fetchImpl(`${baseUrl}api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      throw new ApiRequestError('Không kết nối được với máy chủ tra cứu. Hãy kiểm tra ứng dụng còn đang chạy.', 0);
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // fall through: a non-JSON body is reported below
    }
    if (!res.ok) {
      const msg =
        body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string'
          ? (body as { error: string }).error
          : `Máy chủ trả lỗi (mã ${res.status}).`;
      throw new ApiRequestError(msg, res.status);
    }
    if (body === null && name !== 'getRecord' && name !== 'getDocument') {
      throw new ApiRequestError('Máy chủ trả dữ liệu không đọc được.', res.status);
    }
    return body as Api[K]['result'];
  }
  // Every request of the contract has the same shape, so one proxy serves them all
  // (the renderer may not import the contract's runtime list of names).
  const cache = new Map<string, (args: never) => Promise<unknown>>();
  return new Proxy({} as ApiClient, {
    get(_t, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      let fn = cache.get(prop);
      if (!fn) {
        fn = (args: never) => call(prop as ApiName, args);
        cache.set(prop, fn);
      }
      return fn;
    },
  });
}

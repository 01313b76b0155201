/**
 * Browser mode: the same renderer and the same API contract over HTTP, bound to
 * loopback only. POST /api/<name> with the JSON args; 200 with the result, or
 * 4xx/5xx with { error } in Vietnamese.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, ApiHandlers } from '../api/contract';
import { UserFacingError, userMessage } from '../api/errors';
import { isApiName, validateArgs } from '../api/validate';
import { FILE_REQUESTS, LOCAL_ONLY_REQUESTS, MAX_BASE64_CHARS } from '../api/validate-data';
import { CONTENT_SECURITY_POLICY } from '../csp';
import type { ResponseCache } from './response-cache';
import { readStatic } from './static-files';
import { TurnQueue } from './turn-queue';

export const MAX_BODY_BYTES = 64 * 1024;
/** A data pack or a text to import, as base64 in JSON (api/validate-data.ts). */
export const MAX_FILE_BODY_BYTES = MAX_BASE64_CHARS + 4096;
const bodyLimitOf = (name: string) => (FILE_REQUESTS.has(name) ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** Requests per second each client address may make to /api, with a burst; over it: 429. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}
/** The local user's browser stays well under this; a load test from one address does not (it runs without). */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 5000, burst: 10000 };
/** API requests being answered at once; more: 503 with Retry-After. */
export const MAX_IN_FLIGHT = 512;

export interface ServerOptions {
  handlers: ApiHandlers;
  rendererDir: string;
  port?: number;
  host?: string;
  log?: (message: string) => void;
  /** null: no rate limit (tests of the transport). */
  rateLimit?: RateLimit | null;
  /** Answers of read-only requests kept for the next identical one (serve.ts gives one); none by default. */
  cache?: ResponseCache | null;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendJson(res, status, JSON.stringify(body));
}

function sendJson(res: ServerResponse, status: number, json: string | Buffer): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': typeof json === 'string' ? Buffer.byteLength(json) : json.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

function sendError(res: ServerResponse, status: number, message: string): void {
  send(res, status, { error: message } satisfies ApiError);
}

/** One token bucket per client address. */
function rateLimiter(limit: RateLimit): (client: string) => boolean {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (client) => {
    const now = performance.now();
    const b = buckets.get(client) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
    buckets.set(client, b);
    if (buckets.size > 10_000) buckets.clear(); // a flood of addresses must not grow the map
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
}

/** Reads a JSON body; null when it is larger than `limit` (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Refuse requests from other sites (DNS rebinding, cross-origin posts). */
function isLocalRequest(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  const okHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!okHosts.includes(host)) return false;
  const origin = req.headers.origin;
  return origin === undefined || okHosts.some((h) => origin === `http://${h}`);
}

async function handleApi(name: string, req: IncomingMessage, res: ServerResponse, handlers: ApiHandlers, cache: ResponseCache | null, turns: TurnQueue): Promise<void> {
  if (!isApiName(name)) return sendError(res, 404, `Không có yêu cầu "${name}".`);
  if (req.method !== 'POST') return sendError(res, 405, 'Chỉ chấp nhận phương thức POST.');
  const raw = await readBody(req, bodyLimitOf(name));
  if (raw === null) return sendError(res, 413, 'Dữ liệu gửi lên quá lớn.');
  const key = cache?.keyOf(name, raw) ?? null;
  const cached = key === null ? undefined : cache?.get(key);
  if (cached !== undefined) return sendJson(res, 200, cached);
  let payload: unknown = {};
  if (raw.trim() !== '') {
    try {
      payload = JSON.parse(raw);
    } catch {
      return sendError(res, 400, 'Dữ liệu gửi lên không phải JSON hợp lệ.');
    }
  }
  const checked = validateArgs(name, payload);
  if (!checked.ok) return sendError(res, 400, checked.message);
  const handler = handlers[name] as (args: unknown) => unknown;
  // The answer and its JSON in a turn of their own (turn-queue.ts); an answer kept is sent at once, above.
  const body = await turns.run(async () => Buffer.from(JSON.stringify(await handler(checked.value)), 'utf8'));
  if (key !== null) cache?.set(key, body);
  sendJson(res, 200, body);
}

export function startHttpServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => {});
  let port = 0;
  const allow = opts.rateLimit === null ? null : rateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT);
  const cache = opts.cache ?? null;
  // Bound to loopback: the data screens work; bound to a LAN address, they never do.
  const localOnlyAllowed = LOOPBACK_HOSTS.has(host);
  let inFlight = 0;
  const turns = new TurnQueue();
  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (!isLocalRequest(req, port)) return sendError(res, 403, 'Chỉ phục vụ yêu cầu từ máy này.');
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path.startsWith('/api/')) {
          const name = path.slice('/api/'.length);
          // Changing the data or sending files: this machine only, never over LAN, whatever the Host says.
          if (LOCAL_ONLY_REQUESTS.has(name) && !(localOnlyAllowed && LOOPBACK_HOSTS.has(req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? ''))) {
            return sendError(res, 403, 'Cập nhật và nạp dữ liệu chỉ làm được trên chính máy chạy ứng dụng, không qua mạng.');
          }
          const declared = Number(req.headers['content-length'] ?? 0);
          if (declared > bodyLimitOf(name)) {
            res.setHeader('connection', 'close');
            return sendError(res, 413, 'Dữ liệu gửi lên quá lớn.');
          }
          if (allow && !allow(req.socket.remoteAddress ?? '')) {
            res.setHeader('retry-after', '1');
            return sendError(res, 429, 'Quá nhiều yêu cầu trong một lúc; hãy thử lại sau giây lát.');
          }
          if (inFlight >= MAX_IN_FLIGHT) {
            res.setHeader('retry-after', '1');
            return sendError(res, 503, 'Máy chủ đang bận; hãy thử lại sau giây lát.');
          }
          inFlight++;
          try {
            return await handleApi(path.slice('/api/'.length), req, res, opts.handlers, cache, turns);
          } finally {
            inFlight--;
          }
        }
        if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'Phương thức không được hỗ trợ.');
        const file = (await readStatic(opts.rendererDir, path)) ?? (await readStatic(opts.rendererDir, '/index.html'));
        if (!file) return sendError(res, 404, 'Chưa dựng giao diện (npm run build:renderer).');
        res.writeHead(200, {
          'content-type': file.type,
          // One policy for both modes: the Electron shell sends the very same header.
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cache-control': 'no-cache',
        });
        res.end(req.method === 'HEAD' ? undefined : file.body);
      } catch (err) {
        if (!(err instanceof UserFacingError)) log(`Lỗi máy chủ: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) sendError(res, err instanceof UserFacingError ? 400 : 500, userMessage(err));
        else res.end();
      }
    })();
  });
  // A client that sends its headers or body slowly (slowloris) is cut off.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.maxHeadersCount = 64;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

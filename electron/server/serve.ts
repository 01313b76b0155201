/**
 * `npm run serve`: browser mode on 127.0.0.1. Same renderer, same contract,
 * same core as the Electron app.
 */
import { join, resolve } from 'node:path';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApiHandlers } from '../api/handlers';
import { ensureKb } from '../core/kb/ensure';
import { openVerifiedKb, openVerifiedKbAsync } from '../core/kb/manifest';
import { defaultKbPath, defaultSourcesDir, defaultUserDir, repoRoot } from '../core/paths';
import { KbSlot } from '../core/kb/kb-slot';
import { createDataHandlers } from '../api/data-handlers';
import { UserStore } from '../core/user/user-store';
import { startHttpServer, type RateLimit, type RunningServer } from './http-server';
import { ResponseCache } from './response-cache';

export interface StartOptions {
  port?: number;
  host?: string;
  kbPath?: string;
  rendererDir?: string;
  /** Where the user's bookmarks live (default .userdata/ or KB_USER_DIR). */
  userDir?: string;
  log?: (message: string) => void;
  /** Build the KB first when it is stale (default). `npm run serve` has just done it (prepare-app): --no-build. */
  ensure?: boolean;
  rateLimit?: RateLimit | null;
  /** Keep answers of read-only requests (default; TRACUU_SERVER_CACHE=0 turns it off, to measure the search alone). */
  cache?: boolean;
}

/**
 * TRACUU_SERVER_TIMING=1: one stderr line per step of the start, in ms since the process started
 * (`start-up: <step> <ms>`), read by the load test (scripts/bench-server.ts).
 */
function startupClock(): (step: string) => void {
  if (process.env.TRACUU_SERVER_TIMING !== '1') return () => {};
  return (step) => process.stderr.write(`start-up: ${step} ${Math.round(performance.now())}\n`);
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const phase = startupClock();
  phase('modules');
  const kbPath = opts.ensure === false ? (opts.kbPath ?? defaultKbPath()) : (await ensureKb({ ...(opts.kbPath ? { kbPath: opts.kbPath } : {}), log })).kbPath;
  // Refuses a KB that does not match its manifest (hashed beside the load, checked before any answer);
  // a data update swaps it for the next request.
  // Warm-up searches (~0.2 s) wait until the first answer is out: nobody types in the first second.
  // What search does not need (wording over time, lead-ins, the national database in full) is read
  // then too, or at its first need (kb/kb-details.ts).
  const slot = new KbSlot(await openVerifiedKbAsync({ kbPath, log, warmUp: false, deferDetails: true, phase }));
  // Two pauses of ~0.2 s each rather than one of twice that.
  setTimeout(() => slot.current.loadDetails(), 1000).unref();
  setTimeout(() => slot.current.warmUp(), 1300).unref();
  // Never stops the server: a damaged file is moved aside (and said so), a missing one leaves search working.
  const user = UserStore.open({ path: join(opts.userDir ?? defaultUserDir(), 'user.sqlite'), log });
  // Said in the log, and kept for the first page that asks (userDataNotice): the user reads it there.
  const notice = user.peekNotice();
  if (notice) log(`Lưu ý: ${notice}`);
  phase('user data');
  const cache = (opts.cache ?? process.env.TRACUU_SERVER_CACHE !== '0') ? new ResponseCache() : null;
  slot.onReplace(() => cache?.clear());
  const root = repoRoot();
  const data = createDataHandlers({
    slot,
    place: { shipped: kbPath, target: kbPath },
    publicKeyPem: () => readFileSync(process.env.TRACUU_PACK_PUBKEY ? resolve(process.env.TRACUU_PACK_PUBKEY) : join(root, 'keys', 'data-pack.pub.pem'), 'utf8'),
    open: (path) => openVerifiedKb({ kbPath: path, log }), // warmed at once: the user is waiting on it
    imports: { root, userDir: opts.userDir ?? defaultUserDir(), sourcesDir: defaultSourcesDir(root) },
  });
  const server = await startHttpServer({
    handlers: { ...createApiHandlers(slot.view, user, { appVersion: packageVersion() }), ...data },
    rendererDir: opts.rendererDir ?? join(repoRoot(), 'build', 'renderer'),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host ? { host: opts.host } : {}),
    // TRACUU_SERVER_RATE_LIMIT=0: no per-address limit, for the load test only, whose 200 connections come
    // from one address where a LAN's 200 users come from 200 (the limit itself: tests/server/limits.test.ts).
    ...(opts.rateLimit !== undefined ? { rateLimit: opts.rateLimit } : process.env.TRACUU_SERVER_RATE_LIMIT === '0' ? { rateLimit: null } : {}),
    cache,
    log,
  });
  phase('listening');
  return {
    url: server.url,
    close: async () => {
      await server.close();
      user.close();
    },
  };
}

/** The app's version for a report file ("Báo sai sót"): package.json's, '' when unreadable. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

function portFromArgs(argv: string[]): number | undefined {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : process.env.PORT;
  if (raw === undefined) return 5178;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Cổng không hợp lệ: ${raw}`);
    process.exit(2);
  }
  return port;
}

/** Run as a program (tsx, or the bundle — even reached through a symlinked folder)? */
function isEntry(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1]);
  } catch {
    return import.meta.url === pathToFileURL(process.argv[1]).href;
  }
}

if (isEntry()) {
  startServer({ port: portFromArgs(process.argv.slice(2)), ensure: !process.argv.includes('--no-build') })
    .then((server) => {
      console.log(`Tra cứu thẩm quyền — chế độ trình duyệt: ${server.url}`);
      console.log('Nhấn Ctrl+C để dừng.');
    })
    .catch((err: Error) => {
      console.error(`Không khởi động được: ${err.message}`);
      process.exit(1);
    });
}

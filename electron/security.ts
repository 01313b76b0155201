/**
 * All window security of the app, in one place (the model is Electron Fiddle /
 * VS Code): a sandboxed, context-isolated renderer without Node, served from
 * our own app:// origin under a strict CSP, that may not navigate, open
 * windows or attach webviews, gets no permission but writing to the clipboard,
 * and whose IPC messages are only answered when they come from that origin.
 *
 * The renderer is our own code, but it shows text from legal documents and
 * user imports: if anything ever got injected, it must find nothing to use.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  protocol,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebFrameMain,
} from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tra-cuu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY };

/** Messages shown (or returned over IPC) when something is refused. */
export const MESSAGES = {
  untrustedSender: 'Yêu cầu bị từ chối: yêu cầu không đến từ cửa sổ của ứng dụng.',
} as const;

/**
 * The only way a window is made: its webPreferences written out at the constructor, where a scanner
 * reads them (@doyensec/electronegativity runs in the tests, tests/electron/electronegativity.test.ts:
 * a helper returning them hid them, and it reported sandbox and isolation as unset). Middle-click
 * (Auxclick) is off: it could open a link in a new window without the navigation checks.
 */
export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preload: string,
  opts: { devTools: boolean },
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: opts.devTools,
    },
  });
}

/**
 * Must run before `app.whenReady()`: our scheme behaves like https (standard,
 * secure origin, fetch, module scripts, code cache) and is the only origin the
 * IPC layer trusts.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Must run before `app.whenReady()`: sandbox every renderer, harden every web contents. */
export function hardenApp(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** No navigation, no redirects, no new windows, no webviews: one page, ours. */
export function hardenWebContents(contents: WebContents): void {
  const refuse = (what: string) => (event: { preventDefault(): void }, url?: string) => {
    event.preventDefault();
    console.warn(`[an toàn] Đã chặn ${what}: ${url ?? ''}`);
  };
  contents.on('will-navigate', refuse('điều hướng'));
  contents.on('will-frame-navigate', (event) => refuse('điều hướng khung')(event, event.url));
  contents.on('will-redirect', refuse('chuyển hướng'));
  contents.on('will-attach-webview', (event) => refuse('webview')(event));
  // An offline tool has nowhere to send people: external links are refused too.
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[an toàn] Đã chặn mở cửa sổ mới: ${url}`);
    return { action: 'deny' };
  });
}

/**
 * The one permission our page gets: writing to the clipboard ("Sao chép trích
 * dẫn"), and only when our own app:// page asks. Everything else (camera,
 * microphone, location, notifications, clipboard reading, …) is denied.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined | null): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** Permissions (see above), device access and the CSP header on every response. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details?.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders ?? {}) });
  });
}

/** Response headers with our CSP replacing any other (header names are case-insensitive). */
export function withCsp(headers: Record<string, string[] | string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** True only for a URL of our app:// origin. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * IPC sender check: the message must come from a live top-level frame showing
 * our app:// origin (we have no iframes; anything else is foreign).
 */
export function isTrustedSender(event: { senderFrame: WebFrameMain | null }): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * Maps an app:// URL to a file under rootDir, or null when the URL is not ours
 * or would escape rootDir (../, encoded or not). Paths without an extension
 * fall back to index.html later, so the router can use clean URLs.
 */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const relative = pathname.replace(/^[/\\]+/, '') || 'index.html';
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The response for one app:// request: a file of the built renderer, with the
 * CSP header on it. Reads through fs so it also works inside app.asar.
 */
export async function appResponse(request: { url: string; method: string }, rootDir: string): Promise<Response> {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
  const notFound = () =>
    new Response('Không tìm thấy tệp.', { status: 404, headers: { ...headers, 'Content-Type': MIME['.txt']! } });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Phương thức không được phép.', { status: 405, headers });
  }
  let file = resolveAppPath(request.url, rootDir);
  if (!file) return notFound();
  if (!(await isFile(file))) {
    if (path.extname(file) !== '') return notFound();
    file = path.join(rootDir, 'index.html');
    if (!(await isFile(file))) return notFound();
  }
  const body = await readFile(file);
  const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...headers, 'Content-Type': type },
  });
}

/** Serves the built renderer on app://tra-cuu/ (after `app.whenReady()`). */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rootDir));
}

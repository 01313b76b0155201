import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as electronModule from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import {
  APP_ENTRY_URL,
  appResponse,
  CONTENT_SECURITY_POLICY,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  registerAppScheme,
  resolveAppPath,
  createSecureWindow,
  serveRenderer,
  withCsp,
} from '../../electron/security';
import { createFakeElectron, fakeSession, fakeWebContents, ipcEvent, preventable } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const electron = electronModule as unknown as ReturnType<typeof createFakeElectron>;

describe('webPreferences', () => {
  it('sandboxes and isolates every window, with no Node, no webview and no middle-click', () => {
    const win = createSecureWindow({ title: 't', show: false }, '/app/preload.cjs', { devTools: false }) as unknown as { options: { title: string; webPreferences: unknown } };
    expect(win.options.title).toBe('t');
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });
});

describe('app hardening', () => {
  it('enables the sandbox for all renderers and hardens every new web contents', () => {
    hardenApp();
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    const contents = fakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('registers app:// as a standard, secure scheme before ready', () => {
    registerAppScheme();
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]!;
    expect(schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });
});

describe('navigation, new windows and webviews', () => {
  const contents = fakeWebContents();
  hardenWebContents(contents as unknown as Electron.WebContents);

  it.each(['will-navigate', 'will-redirect'])('%s is prevented, even to our own origin', (name) => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', APP_ENTRY_URL]) {
      const event = preventable();
      contents.emit(name, event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('frame navigation is prevented', () => {
    const event = { ...preventable(), url: 'https://example.com/' };
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('window.open and target=_blank links are denied, external links included', () => {
    for (const url of ['https://thuvienphapluat.vn/', 'http://127.0.0.1:1/', APP_ENTRY_URL, 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('webviews cannot be attached', () => {
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('session', () => {
  const ses = fakeSession();
  hardenSession(ses as unknown as Electron.Session);

  it('denies every permission request and check, even from our own page', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock']) {
      const callback = vi.fn();
      ses.permissionRequest!({}, permission, callback, { requestingUrl: 'app://tra-cuu/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheck!({}, permission, 'app://tra-cuu')).toBe(false);
    }
    expect(ses.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('lets only our own page write to the clipboard (copying a citation)', () => {
    const granted = (url: string | undefined) => {
      const callback = vi.fn();
      ses.permissionRequest!({}, 'clipboard-sanitized-write', callback, { requestingUrl: url });
      return callback.mock.calls[0]![0] as boolean;
    };
    expect(granted('app://tra-cuu/index.html')).toBe(true);
    expect(ses.permissionCheck!({}, 'clipboard-sanitized-write', 'app://tra-cuu')).toBe(true);
    expect(granted('https://evil.example/')).toBe(false);
    expect(granted(undefined)).toBe(false);
    expect(ses.permissionCheck!({}, 'clipboard-sanitized-write', 'file://')).toBe(false);
  });

  it('puts our CSP on every response, replacing any other', () => {
    let headers: Record<string, string[]> | undefined;
    ses.headersListener!(
      { responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (r: { responseHeaders?: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('the CSP allows only our own origin and no inline or eval script', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    expect(withCsp({})['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

describe('IPC sender check', () => {
  it('accepts the top frame of our app:// page', () => {
    expect(isTrustedSender(ipcEvent('app://tra-cuu/index.html') as never)).toBe(true);
    expect(isTrustedSender(ipcEvent('app://tra-cuu/index.html#/record/abc') as never)).toBe(true);
  });

  it.each([
    'file:///work/main/build/renderer/index.html',
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'app://evil/index.html',
    'app://tra-cuu.evil.example/',
    'app://tra-cuu@evil.example/',
    'about:blank',
    '',
    'not a url',
  ])('rejects a frame showing %j', (url) => {
    expect(isTrustedSender(ipcEvent(url) as never)).toBe(false);
  });

  it('rejects subframes (even of our origin) and destroyed frames', () => {
    expect(isTrustedSender(ipcEvent('app://tra-cuu/index.html', { subframe: true }) as never)).toBe(false);
    expect(isTrustedSender(ipcEvent(null) as never)).toBe(false);
  });
});

describe('app:// protocol', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'tracuu-app-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Tra cứu</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => appResponse({ url, method }, root);

  it('serves index.html at the root, with the CSP header', async () => {
    const res = await get('app://tra-cuu/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('Tra cứu');
  });

  it('serves assets with their type', async () => {
    const res = await get('app://tra-cuu/assets/app.js');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for router paths, 404 for missing files', async () => {
    expect(await (await get('app://tra-cuu/record/abc')).text()).toContain('Tra cứu');
    expect((await get('app://tra-cuu/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://tra-cuu/../secret.txt',
    'app://tra-cuu/%2e%2e/secret.txt',
    'app://tra-cuu/assets/..%2f..%2fsecret.txt',
    'app://tra-cuu/..%5csecret.txt',
    'app://other/index.html',
    'https://tra-cuu/index.html',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const res = await get(url);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('maps URLs strictly into the root', () => {
    // The URL parser clamps dot segments at the root; encoded slashes are caught by us.
    expect(resolveAppPath('app://tra-cuu/%2e%2e/secret.txt', root)).toBe(path.join(root, 'secret.txt'));
    expect(resolveAppPath('app://tra-cuu/assets/..%2f..%2fsecret.txt', root)).toBeNull();
    expect(resolveAppPath('app://tra-cuu/a%00.js', root)).toBeNull();
    expect(resolveAppPath('app://tra-cuu/assets/app.js', root)).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('refuses methods other than GET/HEAD', async () => {
    expect((await get('app://tra-cuu/index.html', 'POST')).status).toBe(405);
  });

  it('is installed on the app scheme', async () => {
    serveRenderer(root);
    const [scheme, handler] = electron.protocol.handle.mock.calls.at(-1)! as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const res = await handler(new Request('app://tra-cuu/index.html'));
    expect(res.status).toBe(200);
  });
});

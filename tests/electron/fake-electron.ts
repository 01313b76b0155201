/**
 * A stand-in for the `electron` module (whose binary is not installed in CI):
 * just enough of app, protocol, contextBridge and the IPC objects to observe
 * what our shell code asks Electron to do. Used through vi.mock('electron').
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { vi } from 'vitest';

type Handler = (event: unknown, payload: unknown) => unknown;

export function createFakeElectron() {
  const ipcHandlers = new Map<string, Handler>();
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: vi.fn(),
    isPackaged: false,
    getVersion: () => '0.0.0-test',
  });
  return {
    app,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcHandlers,
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    },
    ipcRenderer: { invoke: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    /** Keeps what it was made with: the options are what a check reads. */
    BrowserWindow: class {
      constructor(public options: unknown) {}
    },
  };
}

/** A webContents that records listeners and the window-open handler. */
export function fakeWebContents() {
  const contents = Object.assign(new EventEmitter(), {
    windowOpenHandler: null as null | ((details: { url: string }) => { action: string }),
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      contents.windowOpenHandler = handler;
    },
  });
  return contents;
}

/** A session that records the handlers our hardening installs. */
interface FakeSession {
  permissionRequest: null | ((wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void);
  permissionCheck: null | ((wc: unknown, permission: string, origin: string, details?: unknown) => boolean);
  devicePermission: null | ((details: unknown) => boolean);
  headersListener:
    | null
    | ((
        details: { responseHeaders?: Record<string, string[]> },
        cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void);
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void;
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void;
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void;
  webRequest: { onHeadersReceived(h: FakeSession['headersListener']): void };
}

export function fakeSession(): FakeSession {
  const s: FakeSession = {
    permissionRequest: null,
    permissionCheck: null,
    devicePermission: null,
    headersListener: null,
    setPermissionRequestHandler(h) {
      s.permissionRequest = h;
    },
    setPermissionCheckHandler(h) {
      s.permissionCheck = h;
    },
    setDevicePermissionHandler(h) {
      s.devicePermission = h;
    },
    webRequest: {
      onHeadersReceived(h) {
        s.headersListener = h;
      },
    },
  };
  return s;
}

export const preventable = () => ({ preventDefault: vi.fn() });

/** An IPC event as Electron builds it: only senderFrame matters to us. */
export function ipcEvent(url: string | null, opts: { subframe?: boolean } = {}) {
  return { senderFrame: url === null ? null : { url, parent: opts.subframe ? { url } : null } };
}

interface FakeWindowOptions {
  title?: string;
  webPreferences: { preload: string; [key: string]: unknown };
}

/**
 * The electron module as the main bundle sees it at start-up: records the
 * window, the protocol handler, the IPC handlers and any error dialog.
 */
export function runtimeFake(appPath: string, opts: { isPackaged?: boolean; userData?: string } = {}) {
  const calls: string[] = [];
  const ipc = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const windows: Array<{ options: FakeWindowOptions; urls: string[]; webContents: ReturnType<typeof fakeWebContents> }> = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: opts.isPackaged ?? false,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
    getAppPath: () => appPath,
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected app.getPath(${name})`);
      return opts.userData ?? path.join(appPath, 'userData');
    },
    getVersion: () => '0.1.0',
    setPath: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  class BrowserWindow extends EventEmitter {
    webContents = fakeWebContents();
    urls: string[] = [];
    constructor(public options: FakeWindowOptions) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.urls.push(url);
      return Promise.resolve();
    }
    show() {}
  }
  return {
    calls,
    ipc,
    windows,
    module: {
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
      ipcMain: { handle: (c: string, h: (e: unknown, p: unknown) => Promise<unknown>) => ipc.set(c, h), removeHandler: vi.fn() },
      Menu: { buildFromTemplate: (template: unknown[]) => ({ template }), setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemes')), handle: vi.fn() },
      session: { defaultSession: fakeSession() },
    },
  };
}

export type RuntimeFake = ReturnType<typeof runtimeFake>;

/** Loads main.cjs with `electron` resolved to the fake, then lets whenReady() run. */
export async function startMain(mainCjs: string, fake: RuntimeFake): Promise<void> {
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = mod._load;
  mod._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.module : original.call(this, request, ...rest);
  };
  try {
    const req = createRequire(import.meta.url);
    delete req.cache[mainCjs];
    req(mainCjs);
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    mod._load = original;
  }
}


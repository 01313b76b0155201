/**
 * Electron main process: one instance, one window, the renderer served from
 * app://tra-cuu/, the knowledge base opened read-only with the Electron-ABI
 * SQLite binding, and the typed API answered over IPC. Every security setting
 * lives in ./security.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { createApiHandlers } from './api/handlers';
import { createDataHandlers } from './api/data-handlers';
import { activeKbPath, type DataPlace } from './core/kb/data-update';
import { KbSlot } from './core/kb/kb-slot';
import { KbIntegrityError, openVerifiedKb, restorePrevious } from './core/kb/manifest';
import { defaultSourcesDir, defaultUserDir } from './core/paths';
import { UserStore } from './core/user/user-store';
import { registerIpc } from './ipc';
import { withSaveDialogs } from './save-files';
import { buildMenu } from './menu';
import {
  APP_ENTRY_URL,
  hardenApp,
  hardenSession,
  registerAppScheme,
  createSecureWindow,
  serveRenderer,
} from './security';
import { missingFilesMessage, shellPaths } from './shell-paths';

const WINDOW_TITLE = 'Tra cứu thẩm quyền';

// User data (settings, history, future imports) stays under userData; a test
// or a portable install may point it elsewhere.
if (process.env.TRACUU_USER_DATA) app.setPath('userData', path.resolve(process.env.TRACUU_USER_DATA));

// Both must happen before the app is ready.
registerAppScheme();
hardenApp();

let mainWindow: BrowserWindow | null = null;

function fail(title: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(`${title}\n${detail}`);
  dialog.showErrorBox(title, detail);
  app.exit(1);
}

function createWindow(preload: string, devTools: boolean): BrowserWindow {
  const win = createSecureWindow(
    { title: WINDOW_TITLE, width: 1200, height: 800, minWidth: 760, minHeight: 520, show: false, backgroundColor: '#ffffff' },
    preload,
    { devTools },
  );
  // The title is the product's name whatever the page calls itself.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-fail-load', (_event, code, description, url) => {
    win.show();
    dialog.showErrorBox('Không tải được giao diện', `${description} (${code})\n${url}`);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function start(): void {
  const devTools = !app.isPackaged;
  const paths = shellPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron ?? '',
    mainDir: __dirname,
    env: process.env,
  });
  const missing = missingFilesMessage(paths, existsSync, app.isPackaged);
  if (missing) return fail('Không khởi động được Tra cứu thẩm quyền', missing);

  // A packaged app never rewrites its resources: data updates go to a copy in the user's folder,
  // opened instead of the shipped KB while it checks out (core/kb/data-update.ts).
  const place: DataPlace = {
    shipped: paths.kbPath,
    target: app.isPackaged ? path.join(app.getPath('userData'), 'du-lieu', 'kb.sqlite') : paths.kbPath,
  };
  const kbPath = activeKbPath(place);
  let kb;
  try {
    kb = openVerifiedKb({ kbPath, nativeBinding: paths.nativeBinding });
  } catch (error) {
    // A KB that does not match its manifest is never used; the previous good copy is offered.
    if (!(error instanceof KbIntegrityError && error.previous)) return fail('Không mở được cơ sở dữ liệu tri thức', error);
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: 'Dữ liệu tra cứu không đúng',
      message: error.message,
      buttons: ['Dùng bản trước', 'Thoát'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice !== 0) return fail('Không mở được cơ sở dữ liệu tri thức', error);
    try {
      restorePrevious(kbPath);
      kb = openVerifiedKb({ kbPath, nativeBinding: paths.nativeBinding });
    } catch (again) {
      return fail('Không mở được cơ sở dữ liệu tri thức', again);
    }
  }
  // The user's own data (bookmarks…) lives apart from the read-only knowledge base,
  // so updating the app or the KB never touches it.
  // Never a reason not to start: search needs no user data. A damaged file is moved aside
  // under a dated name and a fresh one starts; the user is told once the window shows.
  const user = UserStore.open({
    path: path.join(app.getPath('userData'), 'user.sqlite'),
    nativeBinding: paths.nativeBinding,
    log: (m) => console.warn(`[dữ liệu cá nhân] ${m}`),
  });
  app.on('will-quit', () => user.close());

  hardenSession(session.defaultSession);
  serveRenderer(paths.rendererDir);
  const slot = new KbSlot(kb);
  const root = app.getAppPath();
  const data = createDataHandlers({
    slot,
    place,
    publicKeyPem: () => readFileSync(app.isPackaged ? path.join(process.resourcesPath, 'data-pack.pub.pem') : path.join(root, 'keys', 'data-pack.pub.pem'), 'utf8'),
    open: (p) => openVerifiedKb({ kbPath: p, nativeBinding: paths.nativeBinding }),
    nativeBinding: paths.nativeBinding,
    // Importing rebuilds the KB from data/, which only a development checkout has.
    imports: app.isPackaged ? null : { root, userDir: defaultUserDir(root), sourcesDir: defaultSourcesDir(root) },
  });
  registerIpc(ipcMain, { ...withSaveDialogs(createApiHandlers(slot.view, user, { appVersion: app.getVersion() }), () => mainWindow), ...data });
  Menu.setApplicationMenu(buildMenu({ devTools }));
  mainWindow = createWindow(paths.preload, devTools);
  const notice = user.takeNotice();
  if (notice) {
    const win = mainWindow;
    win.once('ready-to-show', () => {
      void dialog.showMessageBox(win, { type: 'warning', title: 'Dữ liệu cá nhân', message: notice, buttons: ['Đã hiểu'] });
    });
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another window is already open: it gets focused (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window is the whole app, on every platform.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('Không khởi động được Tra cứu thẩm quyền', error));
}

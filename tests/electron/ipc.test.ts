import * as electronModule from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { API_NAMES, type ApiHandlers } from '../../electron/api/contract';
import { validateArgs } from '../../electron/api/validate';
import { UserFacingError, userMessage } from '../../electron/api/errors';
import { answer, IPC_MESSAGES, registerIpc } from '../../electron/ipc';
import { createFakeElectron, ipcEvent } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const electron = electronModule as unknown as ReturnType<typeof createFakeElectron>;

const APP_FRAME = ipcEvent('app://tra-cuu/index.html');
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

function spyHandlers(): { [K in keyof ApiHandlers]: ReturnType<typeof vi.fn> } & ApiHandlers {
  return {
    search: vi.fn(() => ({ q: 'x', total: 0, hits: [], suggestion: null, jump: null, tookMs: 0 })),
    getRecord: vi.fn(() => null),
    stats: vi.fn(() => ({ documents: 0, documentsWithText: 0, records: 0, bySector: {}, byLevel: {}, builtAt: '' })),
    listDocuments: vi.fn(() => []),
    listBookmarks: vi.fn(() => []),
    saveBookmark: vi.fn(() => ({ recordId: 'r', note: '', createdAt: '', hit: null })),
    removeBookmark: vi.fn(() => ({ removed: true })),
  } as never;
}

describe('answer()', () => {
  it('passes a valid request from our page to the handler and wraps the result', async () => {
    const handlers = spyHandlers();
    const reply = await answer('search', handlers, APP_FRAME as never, { q: 'khai sinh', limit: 5 });
    expect(reply.ok).toBe(true);
    expect(handlers.search).toHaveBeenCalledWith({ q: 'khai sinh', limit: 5, filters: {} });
  });

  it.each([
    ['file:///tmp/evil.html'],
    ['https://evil.example/'],
    ['app://tra-cuu/index.html (subframe)'],
  ])('refuses a foreign sender (%s) before looking at the payload', async (label) => {
    const handlers = spyHandlers();
    const event = label.includes('subframe')
      ? ipcEvent('app://tra-cuu/index.html', { subframe: true })
      : ipcEvent(label);
    const reply = await answer('search', handlers, event as never, { q: 'khai sinh' });
    expect(reply).toEqual({ ok: false, error: IPC_MESSAGES.untrustedSender });
    expect(reply.ok || reply.error).toMatch(VIETNAMESE);
    expect(handlers.search).not.toHaveBeenCalled();
  });

  it.each([
    ['search', { q: 42 }],
    ['search', 'dang ky khai sinh'],
    ['search', { q: 'x', limit: -1 }],
    ['search', { q: 'x', filters: { level: ['huyen'] } }],
    ['getRecord', {}],
    ['getRecord', { id: 7 }],
    ['search', null],
  ] as const)('rejects an invalid %s payload %j with the validator’s Vietnamese message', async (name, payload) => {
    const handlers = spyHandlers();
    const reply = await answer(name, handlers, APP_FRAME as never, payload);
    const expected = validateArgs(name, payload);
    expect(expected.ok).toBe(false);
    expect(reply).toEqual({ ok: false, error: (expected as { message: string }).message });
    expect(reply.ok ? '' : reply.error).toMatch(VIETNAMESE);
    expect(handlers[name]).not.toHaveBeenCalled();
  });

  it('turns a handler crash into a Vietnamese message without internals', async () => {
    const handlers = spyHandlers();
    handlers.stats.mockImplementation(() => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /secret/path');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await answer('stats', handlers, APP_FRAME as never, {});
    expect(reply).toEqual({ ok: false, error: userMessage(new Error('internal')) });
    expect(reply.ok ? '' : reply.error).toMatch(VIETNAMESE);
    expect(JSON.stringify(reply)).not.toMatch(/SQLITE|secret|at /);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('passes a message meant for the user (UserFacingError) through as is', async () => {
    const handlers = spyHandlers();
    handlers.saveBookmark.mockImplementation(() => {
      throw new UserFacingError('Không có bản ghi này trong cơ sở dữ liệu.');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await answer('saveBookmark', handlers, APP_FRAME as never, { recordId: 'khong-co' });
    expect(reply).toEqual({ ok: false, error: 'Không có bản ghi này trong cơ sở dữ liệu.' });
    errors.mockRestore();
  });
});

describe('registerIpc()', () => {
  it('registers exactly one kb:<name> channel per API request, and removes them', async () => {
    const handlers = spyHandlers();
    const unregister = registerIpc(electron.ipcMain as never, handlers);
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(API_NAMES.map((n) => `kb:${n}`).sort());
    const reply = await electron.ipcHandlers.get('kb:listDocuments')!(APP_FRAME, {});
    expect(reply).toEqual({ ok: true, value: [] });
    unregister();
    expect(electron.ipcHandlers.size).toBe(0);
  });
});

describe('answer() keeps validation inside its error boundary', () => {
  it('answers a payload that throws while being read with a Vietnamese message', async () => {
    const handlers = spyHandlers();
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    );
    const reply = await answer('stats', handlers, APP_FRAME as never, hostile);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(VIETNAMESE);
    expect(handlers.stats).not.toHaveBeenCalled();
  });

  it('refuses a filter named after Object.prototype before the handler runs', async () => {
    const handlers = spyHandlers();
    const reply = await answer('search', handlers, APP_FRAME as never, JSON.parse('{"q":"a","filters":{"constructor":["x"]}}'));
    expect(reply).toEqual({ ok: false, error: 'Bộ lọc "constructor" không được hỗ trợ.' });
    expect(handlers.search).not.toHaveBeenCalled();
  });
});

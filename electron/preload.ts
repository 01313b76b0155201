/**
 * Preload: runs sandboxed (only `electron` may be required) and exposes ONE
 * object, window.traCuu, with one explicit function per API request. There is
 * deliberately no generic invoke(channel): the renderer can only ask what the
 * contract allows.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Api, ApiClient, ApiName } from './api/contract';
import { channelOf, type IpcReply } from './ipc-channels';

async function request<N extends ApiName>(name: N, args: Api[N]['args']): Promise<Api[N]['result']> {
  const reply = (await ipcRenderer.invoke(channelOf(name), args)) as IpcReply<Api[N]['result']>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const traCuu = {
  search: (args) => request('search', args),
  dataStatus: (args) => request('dataStatus', args),
  checkPack: (args) => request('checkPack', args),
  installPack: (args) => request('installPack', args),
  restorePreviousData: (args) => request('restorePreviousData', args),
  previewImport: (args) => request('previewImport', args),
  confirmImport: (args) => request('confirmImport', args),
  getRecord: (args) => request('getRecord', args),
  stats: (args) => request('stats', args),
  listDocuments: (args) => request('listDocuments', args),
  getDocument: (args) => request('getDocument', args),
  listRecords: (args) => request('listRecords', args),
  listProvinces: (args) => request('listProvinces', args),
  crosscheck: (args) => request('crosscheck', args),
  listBookmarks: (args) => request('listBookmarks', args),
  saveBookmark: (args) => request('saveBookmark', args),
  removeBookmark: (args) => request('removeBookmark', args),
  listHistory: (args) => request('listHistory', args),
  rememberSearch: (args) => request('rememberSearch', args),
  clearHistory: (args) => request('clearHistory', args),
  userDataNotice: (args) => request('userDataNotice', args),
  saveReport: (args) => request('saveReport', args),
  savePdf: (args) => request('savePdf', args),
} satisfies ApiClient;

contextBridge.exposeInMainWorld('traCuu', traCuu);

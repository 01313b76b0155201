/**
 * Main-process side of the IPC bridge: one `ipcMain.handle('kb:<name>')` per
 * API request. Each message is checked in this order — sender is our app://
 * page, payload passes validateArgs — before it reaches the core; any failure
 * comes back as a Vietnamese { error } (never a stack trace, see api/errors.ts);
 * validation and the handler share one error boundary.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_NAMES, type Api, type ApiHandlers, type ApiName } from './api/contract';
import { UserFacingError, userMessage } from './api/errors';
import { validateArgs } from './api/validate';
import { channelOf, type IpcReply } from './ipc-channels';
import { isTrustedSender, MESSAGES } from './security';

export const IPC_MESSAGES = MESSAGES;

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export async function answer<N extends ApiName>(
  name: N,
  handlers: ApiHandlers,
  event: Sender,
  payload: unknown,
): Promise<IpcReply<Api[N]['result']>> {
  if (!isTrustedSender(event)) {
    console.warn(`[an toàn] Từ chối yêu cầu ${channelOf(name)} từ ${event.senderFrame?.url ?? '(khung đã đóng)'}`);
    return { ok: false, error: IPC_MESSAGES.untrustedSender };
  }
  try {
    // Validation runs inside the boundary too: whatever a payload does while it is read, the reply is a message.
    const checked = validateArgs(name, payload);
    if (!checked.ok) return { ok: false, error: checked.message };
    // The mapped type loses the link between N and handlers[N]; the cast restores it.
    const handler = handlers[name] as (args: Api[N]['args']) => Api[N]['result'] | Promise<Api[N]['result']>;
    return { ok: true, value: await handler(checked.value as Api[N]['args']) };
  } catch (error) {
    // The user gets a message meant for them (UserFacingError) or a calm generic one; the log gets the rest.
    if (!(error instanceof UserFacingError)) console.error(`[ipc] ${channelOf(name)} lỗi:`, error);
    return { ok: false, error: userMessage(error) };
  }
}

/** Registers every request of the contract; returns a function that removes them. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: ApiHandlers): () => void {
  for (const name of API_NAMES) {
    ipcMain.handle(channelOf(name), (event, payload: unknown) => answer(name, handlers, event, payload));
  }
  return () => {
    for (const name of API_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}

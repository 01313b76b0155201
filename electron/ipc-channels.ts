/**
 * What travels over IPC between preload and main: channel names and the reply
 * envelope. Imported by the sandboxed preload, so: no Node, no core, types only
 * apart from these two tiny helpers.
 */
import type { ApiError, ApiName } from './api/contract';

/** One channel per request: 'kb:search', 'kb:getRecord', … */
export const channelOf = (name: ApiName): `kb:${ApiName}` => `kb:${name}`;

/**
 * Success and failure are tagged so a result can never be mistaken for an
 * error (and vice versa); the message is Vietnamese and never a stack trace.
 */
export type IpcReply<T> = { ok: true; value: T } | ({ ok: false } & ApiError);

/**
 * Answers of the read-only knowledge-base requests, kept as the UTF-8 bytes sent, keyed by the
 * request name, the request body exactly as received and today's date — a request without a date
 * means "today", so yesterday's answer never survives midnight. Least recently used goes first,
 * bounded both in entries and in bytes. Why: one search costs a few ms of the single event loop;
 * under 200 concurrent clients asking the same common questions the queue, not the search, makes
 * the tail. The KB never changes under a running cache: an update clears it (clear()).
 * User data (bookmarks, history) is never cached.
 */
import { API_KINDS, API_NAMES, type ApiName } from '../api/contract';
import { todayIso } from '../core/validity';

/** Requests whose answer depends only on the KB file, the arguments and the day (the contract says which). */
export const CACHEABLE: ReadonlySet<ApiName> = new Set(API_NAMES.filter((name) => API_KINDS[name] === 'kb'));

export interface CacheLimits {
  entries: number;
  bytes: number;
}
export const DEFAULT_CACHE_LIMITS: CacheLimits = { entries: 4000, bytes: 64 * 1024 * 1024 };

export class ResponseCache {
  private readonly map = new Map<string, Buffer>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS) {}

  /**
   * By the raw body: a repeated request skips parsing and validation too. Only answers to bodies
   * that passed validation are ever stored, so a hit is always a checked request.
   */
  keyOf(name: ApiName, rawBody: string, today = todayIso()): string | null {
    return CACHEABLE.has(name) ? `${name}\u0000${today}\u0000${rawBody}` : null;
  }

  get(key: string): Buffer | undefined {
    const json = this.map.get(key);
    if (json === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.map.delete(key);
    this.map.set(key, json);
    return json;
  }

  set(key: string, body: Buffer): void {
    const size = body.length + key.length * 2;
    if (size > this.limits.bytes / 8) return; // one huge answer must not empty the cache
    this.drop(key);
    this.map.set(key, body);
    this.bytes += size;
    while (this.map.size > this.limits.entries || this.bytes > this.limits.bytes) {
      this.drop(this.map.keys().next().value as string);
    }
  }

  private drop(key: string): void {
    const body = this.map.get(key);
    if (body === undefined) return;
    this.map.delete(key);
    this.bytes -= body.length + key.length * 2;
  }

  /** After the KB was replaced (update, restore). */
  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.map.size;
  }

  get sizeBytes(): number {
    return this.bytes;
  }
}

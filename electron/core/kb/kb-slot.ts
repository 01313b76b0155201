/**
 * The knowledge base in use, replaceable while the app runs: a data update installs a new KB and
 * the next request answers from it, without a restart. `view` stands for whichever KB is current,
 * so the API handlers, built once, never hold on to an old one.
 */
import type { KnowledgeBase } from './open';

export class KbSlot {
  private kb: KnowledgeBase;
  private readonly listeners: Array<() => void> = [];
  readonly view: KnowledgeBase;

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    this.view = new Proxy({} as KnowledgeBase, {
      get: (_target, prop) => {
        const value = Reflect.get(this.kb, prop, this.kb) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(this.kb) : value;
      },
    });
  }

  get current(): KnowledgeBase {
    return this.kb;
  }

  /** The new KB answers from now on; listeners (the server's answer cache) forget the old one. */
  replace(kb: KnowledgeBase): void {
    this.kb = kb;
    for (const f of this.listeners) f();
  }

  onReplace(listener: () => void): void {
    this.listeners.push(listener);
  }
}

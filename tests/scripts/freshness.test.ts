import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFresh, newestMtime, readStamp, writeStamp, type FreshnessCheck } from '../../scripts/freshness';

const T0 = new Date('2026-01-01T00:00:00Z');
const later = (s: number) => new Date(T0.getTime() + s * 1000);

describe('build freshness', () => {
  let root: string;
  let check: FreshnessCheck;
  const file = (rel: string, when: Date, text = 'x') => {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
    utimesSync(p, when, when);
    return p;
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'tracuu-fresh-'));
    file('src/main.ts', T0);
    file('shared/contract.ts', T0);
    file('out/index.html', later(5));
    check = { root, stampFile: path.join(root, 'stamps', 'x.json'), outputs: [path.join(root, 'out', 'index.html')], watch: ['src'] };
    writeStamp(root, check.stampFile, [path.join(root, 'src/main.ts'), 'shared/contract.ts', path.join(root, 'node_modules/vue/index.js')]);
    utimesSync(check.stampFile, later(10), later(10));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('records repo-relative inputs, without node_modules', () => {
    expect(readStamp(check.stampFile)).toEqual(['shared/contract.ts', 'src/main.ts']);
  });

  it('is fresh when nothing changed since the build', () => {
    expect(isFresh(check)).toBe(true);
  });

  it('is stale when a recorded input outside the watched folders changed', () => {
    file('shared/contract.ts', later(20));
    expect(isFresh(check)).toBe(false);
  });

  it('is stale when a new file appears in a watched folder', () => {
    file('src/views/New.vue', later(20));
    expect(isFresh(check)).toBe(false);
  });

  it('is stale when a recorded input was deleted, an output is missing, or there is no stamp', () => {
    rmSync(path.join(root, 'shared/contract.ts'));
    expect(isFresh(check)).toBe(false);
    file('shared/contract.ts', T0);
    rmSync(path.join(root, 'out/index.html'));
    expect(isFresh(check)).toBe(false);
    expect(isFresh({ ...check, stampFile: path.join(root, 'stamps', 'none.json') })).toBe(false);
  });

  it('ignores node_modules and dot-folders when scanning watched folders', () => {
    file('src/node_modules/x.js', later(50));
    file('src/.cache/y', later(50));
    expect(newestMtime([path.join(root, 'src')])).toBe(T0.getTime());
    expect(isFresh(check)).toBe(true);
  });
});

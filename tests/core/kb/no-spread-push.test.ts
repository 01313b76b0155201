/**
 * The KB build and import read texts of any size (a user's import, a folder of sources): an array
 * spread into push() puts every element on the stack and overflowed it on a 50 MB text (issue 11).
 * This guard reads the build's own files and fails on any `push(...x)` left in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './kb-fixture';

const KB_DIR = join(ROOT, 'electron', 'core', 'kb');

function spreadPushes(source: string): string[] {
  return source
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && /\.push\(\s*\.\.\./.test(line))
    .map(({ line, n }) => `${n}: ${line}`);
}

describe('no push(...array) in the KB build and import', () => {
  it('the guard sees a spread push when there is one', () => {
    expect(spreadPushes('const a = [];\n  a.push(...b.records);\n// a.push(...c)\n')).toEqual(['2: a.push(...b.records);']);
  });

  it.each(readdirSync(KB_DIR).filter((f) => f.endsWith('.ts')))('%s adds element by element', (file) => {
    expect(spreadPushes(readFileSync(join(KB_DIR, file), 'utf8'))).toEqual([]);
  });
});

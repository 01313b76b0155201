import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataAtCommit, drawSample, mulberry32, readRegisterRecords } from '../../scripts/audit-sample';

const root = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/audit/2026-12-register-audit.md'), 'utf8');

/** Seed, commit and the ids as listed, for a record sample of the audit doc (its table row and its section). */
function sampleOf(letter: string): { seed: number; commit: string; ids: string[] } {
  const row = doc.split('\n').find((l) => l.startsWith(`| ${letter} — records`))!;
  const seed = Number(/\| (\d{8}) \|/u.exec(row)![1]);
  const commit = /register at ([0-9a-f]{7,40})/u.exec(row)![1]!;
  const start = doc.indexOf(`## Sample ${letter} — `);
  const end = doc.indexOf('\n## ', start + 1);
  const ids = [...doc.slice(start, end < 0 ? undefined : end).matchAll(/^\d+\. `([^`]+)`/gmu)].map((m) => m[1]!);
  return { seed, commit, ids };
}

const hasCommit = (rev: string): boolean => {
  try {
    execFileSync('git', ['cat-file', '-e', `${rev}^{commit}`], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('audit sampler', () => {
  it('is mulberry32: the first draws of seed 20261218 as computed by an independent implementation', () => {
    // Values from the Python port used for samples P–S (/tmp/aud/sample.py, unsigned 32-bit arithmetic).
    const rnd = mulberry32(20261218);
    expect([rnd(), rnd(), rnd()].map((x) => x.toFixed(10))).toEqual(['0.6586698412', '0.6293608358', '0.0872098373']);
  });

  it('shuffles a copy, sorted by code unit, whatever the input order', () => {
    const ids = ['b', 'a', 'c', 'B', 'd-1', 'd'];
    expect(drawSample(ids, 7, 6).sort()).toEqual([...ids].sort());
    expect(drawSample(ids, 7, 3)).toEqual(drawSample([...ids].reverse(), 7, 3));
    expect(ids[0]).toBe('b');
  });

  // The samples of the audit doc, drawn again from the register of the commit its table names.
  for (const letter of ['P', 'Q', 'R', 'S', 'T', 'U']) {
    const s = sampleOf(letter);
    it.skipIf(!hasCommit(s.commit))(`draws sample ${letter} of the audit (seed ${s.seed}, register at ${s.commit}) as listed`, () => {
      expect(s.ids).toHaveLength(100);
      const data = dataAtCommit(s.commit);
      try {
        expect(drawSample(readRegisterRecords(data).map((r) => r.id), s.seed, s.ids.length)).toEqual(s.ids);
      } finally {
        rmSync(path.dirname(data), { recursive: true, force: true });
      }
    });
  }
});

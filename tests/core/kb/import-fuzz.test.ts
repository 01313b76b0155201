/**
 * fast-check over import files: arbitrary bytes as .txt or .docx, and valid .docx files with bytes
 * flipped or cut. No crash: every outcome is a kept text or a refusal with a Vietnamese reason;
 * a refusal leaves the KB and the imports folder untouched.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocx, ImportRefused } from '../../../electron/core/kb/docx-guard';
import { importTexts } from '../../../electron/core/kb/import-texts';
import { docxOf, generatedDecree, zipBomb } from './generated-texts';
import { ROOT } from './kb-fixture';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const tmp = mkdtempSync(join(tmpdir(), 'import-fuzz-'));
const userDir = join(tmp, 'user');
const kbPath = join(tmp, 'kb.sqlite'); // never built: nothing here may reach a build
mkdirSync(userDir, { recursive: true });

function state(): string {
  const h = createHash('sha256').update(readdirSync(userDir).sort().join('|'));
  if (existsSync(kbPath)) h.update(readFileSync(kbPath));
  return h.digest('hex');
}

let n = 0;
async function importBytes(bytes: Uint8Array, ext: string) {
  const file = join(tmp, `f${n++}${ext}`);
  writeFileSync(file, bytes);
  return importTexts([file], () => {}, { root: ROOT, userDir, kbPath, sourcesDir: null });
}

let docx: Buffer;
let bomb: Buffer;
beforeAll(async () => {
  docx = await docxOf(generatedDecree(3));
  bomb = await zipBomb(70);
});

describe('fuzzed import files', () => {
  it('arbitrary bytes as .txt or .docx are refused with a Vietnamese reason, state untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('.txt', '.docx'), async (bytes, ext) => {
        const before = state();
        const s = await importBytes(bytes, ext);
        expect(s.imported).toEqual([]);
        expect(s.rejected).toHaveLength(1);
        expect(s.rejected[0]!.reason).toMatch(VIETNAMESE);
        expect(state()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('a real .docx or a zip bomb with bytes flipped or cut: checked or refused, never a crash', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('docx', 'bomb'),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 8 }),
        fc.option(fc.nat()),
        (which, flips, cut) => {
          const base = which === 'docx' ? docx : bomb;
          const bytes = Buffer.from(base);
          for (const [at, mask] of flips) bytes[at % bytes.length] = bytes[at % bytes.length]! ^ mask;
          const input = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
          try {
            checkDocx(input, 'x.docx');
            expect(which === 'bomb' && flips.length === 0 && cut === null).toBe(false); // an intact bomb never passes
          } catch (err) {
            expect(err).toBeInstanceOf(ImportRefused);
            expect((err as Error).message).toMatch(VIETNAMESE);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

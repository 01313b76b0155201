import JSZip from 'jszip';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSourceFiles, readSourceText } from '../../../electron/core/kb/source-texts';
import { parseDecree } from '../../../electron/core/legal/structure';
import { HAS_SOURCES, SOURCES } from './kb-fixture';

/** A minimal .docx with one paragraph per line, as Word would save the official copy. */
async function docxOf(text: string): Promise<Buffer> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`)
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('source texts', () => {
  it('finds .txt and .docx at any depth and ignores the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'src-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'x.TXT'), 'x');
    writeFileSync(join(dir, 'y.docx'), 'y');
    writeFileSync(join(dir, 'notes.md'), 'z');
    writeFileSync(join(dir, '.hidden.txt'), 'h');
    expect(listSourceFiles(dir).map((f) => f.slice(dir.length))).toEqual(['/a/b/x.TXT', '/y.docx']);
  });

  it('refuses a text that is not UTF-8 with a Vietnamese message', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'src-')), 'cp1258.txt');
    writeFileSync(file, Buffer.from([0x53, 0xe8, 0x20, 0xff, 0xfe, 0x31]));
    await expect(readSourceText(file)).rejects.toThrow(/không phải văn bản UTF-8/);
  });

  it.skipIf(!HAS_SOURCES)('reads an official .docx copy into the same decree as the .txt', async () => {
    const txt = readFileSync(join(SOURCES!, 'decrees', '120-2025-ND-CP.txt'), 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'docx-')), 'nghi-dinh.docx');
    writeFileSync(file, await docxOf(txt));
    const fromDocx = parseDecree((await readSourceText(file)).text);
    const fromTxt = parseDecree(txt);
    expect(fromDocx.number).toBe('120/2025/NĐ-CP');
    expect(fromDocx.articles.length).toBe(fromTxt.articles.length);
    expect(fromDocx.provisions.length).toBe(fromTxt.provisions.length);
  });
});

/** Inputs made in the test, never stored: decree-like texts of any size, and .docx files (good, not a zip, zip bombs). */
import JSZip from 'jszip';

/** A decree-like text: `articles` articles of `clauses` clauses, each naming a holder, as the batch decrees do. */
export function generatedDecree(articles: number, { clauses = 3, number = '901/2026/NĐ-CP', marker = '' } = {}): string {
  const head = [
    'CHÍNH PHỦ',
    '-------',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '---------------',
    `Số: ${number} | Hà Nội, ngày 12 tháng 6 năm 2026`,
    '',
    'NGHỊ ĐỊNH',
    'QUY ĐỊNH VỀ PHÂN ĐỊNH THẨM QUYỀN CỦA CHÍNH QUYỀN ĐỊA PHƯƠNG 02 CẤP TRONG LĨNH VỰC THỬ NGHIỆM',
    'Căn cứ Luật Tổ chức Chính phủ năm 2025;',
    'Chính phủ ban hành Nghị định quy định về phân định thẩm quyền.',
    'Chương I',
    'QUY ĐỊNH CHUNG',
  ];
  const body: string[] = [];
  for (let a = 1; a <= articles; a++) {
    body.push(`Điều ${a}. Thẩm quyền trong lĩnh vực thử nghiệm số ${a}`);
    for (let c = 1; c <= clauses; c++) {
      body.push(
        `${c}. Thẩm quyền cấp giấy phép thử nghiệm loại ${a}-${c}${marker} quy định tại khoản ${c} Điều ${a} Nghị định số 1/2020/NĐ-CP do Ủy ban nhân dân cấp xã thực hiện.`,
      );
    }
  }
  return `${[...head, ...body, 'Nơi nhận:', '- Như trên.'].join('\n')}\n`;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal real .docx (word/document.xml, one paragraph per line). */
export async function docxOf(text: string): Promise<Buffer> {
  const zip = new JSZip();
  const paras = text
    .split('\n')
    .map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(l)}</w:t></w:r></w:p>`)
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A zip bomb: word/document.xml inflates to `mb` megabytes of one repeated byte. */
export async function zipBomb(mb: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', Buffer.alloc(mb * 1024 * 1024, 0x41));
  zip.file('[Content_Types].xml', '<Types/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The same bomb, its central directory lying: every entry claims to unzip to 1 KB. */
export async function lyingZipBomb(mb: number): Promise<Buffer> {
  const bytes = Buffer.from(await zipBomb(mb));
  for (let p = 0; p + 4 <= bytes.length; p++) {
    if (bytes.readUInt32LE(p) === 0x02014b50) bytes.writeUInt32LE(1024, p + 24); // central directory: uncompressed size
    if (bytes.readUInt32LE(p) === 0x04034b50) bytes.writeUInt32LE(1024, p + 22); // local header too
  }
  return bytes;
}

/**
 * The field and the mechanism (phân định / phân quyền / phân cấp / ủy quyền) of a record, from its headings and words.
 */
import type { Mechanism } from '../model';
import type { CatalogueEntry } from './catalogue';
import { levelOf } from './holders';
import type { LegalNode } from './structure';
import { capitalize, sentenceCase } from './text';
import { fold } from '../text/normalize';

/** "Chương II. … LĨNH VỰC HỘ TỊCH" → "Hộ tịch": the field a record belongs to. */
export function fieldOf(path: string[]): string | null {
  for (const el of [...path].reverse()) {
    const t = el.replace(/^(?:Chương [IVXLC]+|Mục \d+|Phụ lục(?: [IVXLC]+)?)\.?\s*/u, '').trim();
    const m = /lĩnh vực (.+)$/iu.exec(t);
    if (m?.[1]) return capitalize(sentenceCase(m[1].trim()).toLowerCase());
    if (/^Mục/u.test(el) && t) {
      const u = t.replace(/^(?:PHÂN QUYỀN, PHÂN CẤP|PHÂN ĐỊNH THẨM QUYỀN|PHÂN QUYỀN|PHÂN CẤP|PHÂN ĐỊNH)\s*/iu, '').trim();
      if (u) return capitalize(sentenceCase(u).toLowerCase());
    }
  }
  return null;
}

/**
 * The clause's own words name the mechanism when the decree does both (151 Điều 5 khoản 4: "Thẩm quyền của
 * Ủy ban nhân dân cấp huyện … phân cấp cho Chủ tịch Ủy ban nhân dân cấp xã thực hiện" under a heading that says
 * "chuyển giao"): the nearest words win over the heading.
 */
export function mechanismInSentence(doc: CatalogueEntry, sentence: string): Mechanism | null {
  if (doc.kind !== 'both') return null;
  if (/phân cấp cho/u.test(sentence) && !/chuyển giao cho|phân quyền/u.test(sentence)) return 'phan-cap';
  if (/chuyển giao cho/u.test(sentence) && !/phân cấp cho/u.test(sentence)) return 'phan-dinh';
  return null;
}

/** Mechanism from the decree's kind and the headings above the provision. */
export function mechanismOf(doc: CatalogueEntry, node: LegalNode, formerHolder: string | null): Mechanism {
  if (doc.kind === 'phan-dinh') return 'phan-dinh';
  // The nearest heading decides: article title, then Mục, then Chương.
  for (const h of [node.heading ?? '', ...[...node.path].reverse()].map((x) => fold(x))) {
    if (/chuyen giao|phan dinh/u.test(h) && !/phan quyen|phan cap/u.test(h)) return 'phan-dinh';
    const quyen = /phan quyen/u.test(h);
    const cap = /phan cap/u.test(h);
    if (quyen && !cap) return 'phan-quyen';
    if (cap && !quyen) return 'phan-cap';
    if (quyen && cap) return 'phan-cap';
    if (/uy quyen/u.test(h)) return 'uy-quyen';
  }
  if (formerHolder && levelOf(formerHolder) === 'huyen') return 'phan-dinh';
  return 'phan-cap';
}

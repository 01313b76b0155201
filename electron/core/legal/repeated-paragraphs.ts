/**
 * A paragraph written twice in one article, word for word, under two clauses (140 Điều 12: «Cơ quan công an cấp xã
 * có trách nhiệm bảo đảm an ninh, trật tự trong quá trình cưỡng chế …» after khoản 2 and after khoản 12): the decree
 * says it once, so it is cited once — under the clause whose own words it continues. Words most units of the
 * article share ("Ủy ban nhân dân") and references to other acts weigh nothing; words of one clause only ("cưỡng chế") decide. A clause sharing
 * less than half of the best clause's weight loses the paragraph.
 */
import type { LegalNode } from './legal-node';

/** Unnumbered paragraphs this long or longer are compared (short ones, "Trong đó:", repeat by nature). */
const MIN_LENGTH = 60;

/** "quy định tại khoản 2 Điều 65 Luật Nhà ở năm 2023": a reference names another act, not the clause's matter. */
const REFERENCE = /(?:theo )?quy định (?:tại|của) [^;.]*?(?:năm \d{4}|Chính phủ|NĐ-CP)/gu;

function pairs(text: string): Set<string> {
  const words = text.replace(REFERENCE, ' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

function units(node: LegalNode): LegalNode[] {
  return [node, ...node.children.flatMap(units)];
}

export function dropRepeatedParagraphs(article: LegalNode): void {
  const nodes = article.children.flatMap(units);
  const at = new Map<string, LegalNode[]>();
  for (const n of nodes) {
    for (const line of n.ownText.split('\n').slice(1)) {
      if (line.length < MIN_LENGTH) continue;
      const list = at.get(line) ?? [];
      if (!list.includes(n)) at.set(line, [...list, n]);
    }
  }
  const repeated = [...at].filter(([, ns]) => ns.length > 1);
  if (repeated.length === 0) return;
  // How many units of the article use each word pair: the fewer, the more a shared pair says.
  const spread = new Map<string, number>();
  for (const n of nodes) for (const p of pairs(n.ownText.split('\n')[0] ?? '')) spread.set(p, (spread.get(p) ?? 0) + 1);
  for (const [line, ns] of repeated) {
    const own = pairs(line);
    const score = (n: LegalNode): number => {
      let s = 0;
      // A pair in more than half the article's units ("Ủy ban nhân dân", "trách nhiệm") tells no clause apart.
      for (const p of pairs(n.ownText.split('\n')[0] ?? '')) if (own.has(p) && (spread.get(p) ?? 1) <= nodes.length / 2) s += 1 / (spread.get(p) ?? 1);
      return s;
    };
    const best = Math.max(...ns.map(score));
    if (best === 0) continue;
    // A paragraph each clause continues alike ("Trình tự, thủ tục điều chuyển tài sản công …" under 127 Điều 3
    // khoản 1 and 3) is the decree's own repetition: it stays under each.
    for (const n of ns) {
      if (score(n) >= best / 2) continue;
      const lines = n.ownText.split('\n');
      const i = lines.lastIndexOf(line);
      if (i > 0) n.ownText = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
    }
  }
}

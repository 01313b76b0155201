/**
 * The power an annex procedure implements when no text links them: the power of the same decree whose
 * words cover the procedure's name best. Scored here, not by the app's search, so a link does not move
 * when the search's ranking is tuned, and so the procedure's deciding body counts: a procedure decided
 * by the commune chairman belongs under his power, not under a province's power with similar words.
 * Every link found this way is marked "name" (to be checked).
 */
import type { AuthorityRecord } from '../model';
import { foldedWords } from '../text/tokenize';

/** Words that say nothing about the task ("trình tự, thủ tục … đối với trường hợp … quy định tại …"). */
const FILLER = new Set(
  'trinh tu thu tuc va cac cua doi voi truong hop quy dinh tai theo duoc la co khong mot so nhung de cho ve trong khi thi hoac nay do tu den voi ngay thang nam'.split(' '),
);

/** "… quy định tại khoản 1 Điều 48 Luật Đất đai", "(Điều 5 nghị định)": a citation, not the task. */
function withoutCitations(name: string): string {
  return name
    // Who decides is the decider's business, the way of filing and the cause are not the task.
    .replace(/\s*thuộc thẩm quyền (?:của )?.*$/iu, '')
    .replace(/\s*bằng phương tiện điện tử/iu, '')
    .replace(/ do (?:sai sót|thay đổi) .*$/iu, '')
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/(?:quy định |theo )?(?:tại )?(?:(?:điểm|khoản) [^ ]+ )*Điều \d+[^,;]*?(?:Luật|Nghị định|Pháp lệnh|Thông tư)[^,;]*/giu, ' ');
}

/** "… kế hoạch sử dụng đất quốc gia/điều chỉnh kế hoạch …": each alternative on its own. */
function alternatives(name: string): string[] {
  const task = withoutCitations(name.replace(/^(?:Trình tự,?\s*(?:thủ tục)?|Thủ tục(?: hành chính)?(?: về)?|Trình tự)\s*/iu, ''));
  const parts = task.split(/\/|;/u).map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts : [task];
}

function contentWords(text: string): string[] {
  return foldedWords(text).filter((w) => !FILLER.has(w) && !/^\d+$/u.test(w));
}

function pairs(words: string[]): string[] {
  return words.slice(1).map((w, i) => `${words[i]} ${w}`);
}

export interface NameMatch {
  id: string;
  score: number;
}

/** Below this a name shares too little with any power: better unlinked (and reported) than hung under a wrong one. */
export const NAME_MATCH_MIN = 0.55;

/**
 * How much of a procedure's name a power's title holds (recall: half single words, half word pairs, so
 * "giá đất" is not "giao đất"), and how much of the title is the name's (precision), best alternative.
 */
export function nameOverlap(name: string, r: AuthorityRecord): { recall: number; precision: number } {
  const alts = alternatives(name).map((a) => contentWords(a)).filter((w) => w.length > 0);
  // The power's title says its task; its provision's wording would match every procedure of a long clause.
  const words = contentWords(`${r.title} ${r.aliases.join(' ')}`);
  const out = { recall: 0, precision: 0 };
  if (alts.length === 0 || words.length === 0) return out;
  const has = new Set(words);
  const hasPairs = new Set(pairs(words));
  for (const q of alts) {
    const single = q.filter((w) => has.has(w)).length / q.length;
    const qp = pairs(q);
    const double = qp.length ? qp.filter((p) => hasPairs.has(p)).length / qp.length : single;
    const recall = (single + double) / 2;
    if (recall > out.recall) {
      const inName = new Set(q);
      out.recall = recall;
      out.precision = words.filter((w) => inName.has(w)).length / words.length;
    }
  }
  return out;
}

/**
 * The power of the decree holding most of the procedure's name; one holding too little is no candidate.
 * Among candidates the decider weighs in.
 */
export function bestByName(name: string, decider: string | null, powers: AuthorityRecord[], min: number = NAME_MATCH_MIN): NameMatch | null {
  let best: (NameMatch & { rank: number }) | null = null;
  for (const r of powers) {
    const { recall, precision } = nameOverlap(name, r);
    // A short title held whole by a long name ("Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm") is a match too.
    if (recall < min && !(precision >= 0.9 && recall >= 0.35)) continue;
    // Ranked by how much of the name it holds, then by how little else it says (a title listing every
    // kind of land decision is no better for being long), then by the decider.
    let rank = recall + 0.3 * precision;
    if (decider && r.holder.toLowerCase() === decider.toLowerCase()) rank += 0.1;
    if (r.role === 'quyet-dinh') rank += 0.03;
    if (!best || rank > best.rank || (rank === best.rank && r.id < best.id)) best = { id: r.id, score: recall, rank };
  }
  return best ? { id: best.id, score: best.score } : null;
}

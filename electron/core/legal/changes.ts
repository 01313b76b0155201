/**
 * The changes an amending, later or provincial act makes to other acts, read from its own words:
 *   repeal   "Các quy định sau đây hết hiệu lực …: đ2) Điều 5, trừ các điểm i khoản 1 …", "Bãi bỏ Điều 8 Nghị định số 140/2025/NĐ-CP"
 *   add      "Bổ sung điểm o vào khoản 1 Điều 5 như sau: “o) …”"
 *   replace  "Sửa đổi, bổ sung khoản 16 Mục I Phần IV như sau: “16. …”"
 *   phrase   "Cụm từ “A” bằng cụm từ “B” tại điểm d khoản 4 Điều 5"
 * Each change keeps its own address in the act (for the citation "bãi bỏ bởi …") and its date.
 * A unit that speaks of changing a known act but that no pattern reads is returned as unparsed:
 * a coverage problem, like an unexplained clause.
 */
import type { Citation } from '../model';
import { formatCitation } from '../model';
import { type Address, type Target, addressOf, addressWithin, parseTargets } from './addresses';
import { DECREE_MENTION_RE, decreeNumber } from './acts';
import { type LegalNode, type ParsedDecree, fullText } from './structure';
import { isoDate } from './text';

export type ChangeOp = 'repeal' | 'add' | 'replace' | 'phrase';

export interface Change {
  op: ChangeOp;
  /** The act changed. */
  document: string;
  address: Address;
  except: Address[];
  /** The unit of the changing act that says it. */
  by: Citation;
  /** ISO date from which it applies. */
  effective: string;
  /** New wording (add, replace) or the replacement phrase. */
  text: string | null;
  /** For a phrase replacement: the phrase replaced. */
  phrase: string | null;
}

export interface ChangesFile {
  act: string;
  effective: string | null;
  changes: Change[];
  /** Units that speak of changing an act we know but that no pattern read. */
  unparsed: Array<{ citation: Citation; excerpt: string }>;
  /** Changes to acts outside the register (other decrees, forms): read past, counted. */
  outside: number;
  /**
   * Provisions a repeal of this act would end but that its own saving sentence keeps ("Các quy định về giá đất,
   * về giá bán nhà ở tái định cư, về trưng dụng đất không quy định tại Nghị định này thì tiếp tục thực hiện theo
   * Nghị định số 151/2025/NĐ-CP", 49/2026 Điều 16 khoản 2): each is an exception of that repeal, listed here with why.
   */
  saved?: Array<{ document: string; address: Address; subject: string; by: Citation }>;
}

/** A lead-in that only announces its points ("Sửa đổi, bổ sung một số nội dung của Phụ lục I như sau:"). */
const CONTAINER_RE = /một số|các (?:điểm|khoản|điều|nội dung|cụm từ)/iu;
/** Forms and their notes (Mẫu số …) hold no authority: their changes are counted, not applied. */
const FORM_RE = /Mẫu số/u;

const REPEAL_RE = /bãi bỏ|hết hiệu lực/iu;
const ADD_RE = /^(?:\d+\.\s*|[a-zđ]\)\s*)?Bổ sung (.+?) như sau\s*:?/iu;
const REPLACE_RE = /^(?:\d+\.\s*|[a-zđ]\)\s*)?Sửa đổi, bổ sung (.+?) như sau\s*:?/iu;
/** "Cụm từ “A” bằng cụm từ “B”": A and B may hold quotes of their own (“… của “Phần C. …” này”). */
const PAIR_RE = /(?:[Cc]ụm từ|(?<!\p{L})[Tt]ừ)\s*[“"]([^\n]+?)[”"]\s*bằng cụm từ\s*[“"]([^\n]+?)[”"](?=\s*(?:tại\s|[;,.]\s*cụm từ|,\s*[Cc]ụm từ))/gu;
/** "… tại khoản 3 Điều 18;": where the replacements of a line apply (several pairs may share one). */
const AT_RE = /[”"]\s*tại\s+([^;\n“"]+)/gu;

/** Each replacement of a line with the places it applies to: [phrase, new wording, places]. */
function phrasePairs(text: string): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const line of text.split(/\n/u)) {
    const ats = [...line.matchAll(AT_RE)].map((m) => ({ at: m.index ?? 0, places: m[1]! }));
    for (const m of line.matchAll(PAIR_RE)) {
      const end = (m.index ?? 0) + m[0].length - 1;
      const at = ats.find((a) => a.at >= end);
      if (at) out.push([m[1]!, m[2]!, at.places]);
    }
  }
  return out;
}
const DATE_IN_RE = /từ ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u;

interface Unit {
  node: LegalNode;
  /** Article heading and the lead-ins above, outermost first. */
  chain: string[];
}

function leaves(parsed: ParsedDecree): Unit[] {
  const out: Unit[] = [];
  const walk = (n: LegalNode, chain: string[]) => {
    if (n.children.length === 0) {
      out.push({ node: n, chain });
      return;
    }
    // A lead-in that itself carries a change ("1. Bổ sung … như sau:" then its quoted points) is a unit too.
    if (ADD_RE.test(n.ownText.trim()) || REPLACE_RE.test(n.ownText.trim())) out.push({ node: n, chain });
    const next = [...chain, n.ownText];
    for (const c of n.children) walk(c, next);
  };
  for (const a of parsed.articles) walk(a, [a.heading ?? '']);
  return out;
}

/** Drop parenthesised asides ("(đã được sửa đổi, bổ sung tại khoản 12 Điều 4 của Nghị định số 226/2025/NĐ-CP)"). */
function withoutAsides(text: string): string {
  // Quoted wording is what the act writes, never what it targets.
  let t = text.replace(/[“"][^”"]*[”"]/gu, ' ');
  for (let i = 0; i < 3; i++) t = t.replace(/\([^()]*\)/gu, ' ');
  return t;
}

function mentions(text: string): Array<{ number: string; start: number; end: number }> {
  return [...text.matchAll(DECREE_MENTION_RE)].map((m) => ({
    number: decreeNumber(m[1]!, m[2]!),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** The act a unit speaks of: a mention in the unit itself, else the nearest one above it. */
function actOf(own: string, chain: string[]): string | null {
  const m = mentions(withoutAsides(own));
  if (m.length > 0) return m[m.length - 1]!.number;
  for (const c of [...chain].reverse()) {
    const cm = mentions(withoutAsides(c));
    if (cm.length > 0) return cm[cm.length - 1]!.number;
  }
  return null;
}

/** Repeal targets of one unit: each decree mention owns the addresses before it (or, after "bao gồm:", after it). */
function repealTargets(text: string, chainAct: string | null): Array<{ document: string; targets: Target[] }> {
  const t = withoutAsides(text).replace(/\s+/gu, ' ');
  const ms = mentions(t);
  if (ms.length === 0) return chainAct ? [{ document: chainAct, targets: parseTargets(t.replace(/^.*?bãi bỏ/iu, '')) }] : [];
  const out: Array<{ document: string; targets: Target[] }> = [];
  let prev = 0;
  ms.forEach((m, i) => {
    const before = t.slice(prev, m.start).replace(/^.*?(?:bãi bỏ|hết hiệu lực[^:]*:)/iu, '');
    let targets = bySubLabel(before);
    if (targets.length === 0) {
      const after = t.slice(m.end, ms[i + 1]?.start ?? t.length);
      if (/bao gồm/iu.test(after.slice(0, 40))) targets = bySubLabel(after);
    }
    // A mention with no address is the whole act, only when the sentence says so ("Nghị định số … hết hiệu lực").
    if (targets.length > 0) out.push({ document: m.number, targets });
    else if (WHOLE_ACT_RE.test(t.slice(m.start, m.start + 400))) out.push({ document: m.number, targets: [{ address: {}, except: [] }] });
    prev = m.end;
  });
  return out;
}

const WHOLE_ACT_RE = /^Nghị\s+định[^;]{0,300}?hết hiệu lực/u;

/** "đ1) …; đ2) Điều 5, trừ …; đ3) Điều 9, trừ …": each numbered sub-point is a list of its own (its exceptions end with it). */
function bySubLabel(text: string): Target[] {
  return text.split(/(?<![\p{L}\d])[a-zđ]\d\)\s/u).flatMap((part) => parseTargets(part));
}

/** "Phụ lục I" named in a lead-in ("Sửa đổi, bổ sung một số nội dung của Phụ lục I như sau:") completes an annex address. */
function annexContext(chain: string[]): string | null {
  for (const c of [...chain].reverse()) {
    const m = /Phụ lục ([IVXLC]+)\b/u.exec(c);
    if (m?.[1]) return m[1];
  }
  return null;
}

function quoted(text: string): string | null {
  const m = /[“"]([\s\S]+)[”"]/u.exec(text);
  return m?.[1]?.replace(/[”"]\.?\s*$/u, '').trim() ?? null;
}

function addressFor(words: string, chain: string[]): Target | null {
  // "điểm o vào khoản 1 Điều 5", "điểm c1 vào sau điểm c khoản 2 mục I phần III": the new unit, then where.
  const w = words.replace(/vào sau (?:điểm|khoản|Điều|mục) [^\s,]+/iu, ' ').replace(/\bvào\b/iu, ' ');
  const ts = parseTargets(w);
  const t = ts[0];
  if (!t) return null;
  const ax = annexContext(chain);
  if (t.address.article === undefined && t.address.annex === undefined && ax) t.address.annex = ax;
  return t;
}

/** "Các quy định về A, về B, về C không quy định tại Nghị định này thì tiếp tục thực hiện theo Nghị định số N": a saving by subject. */
const SAVING_RE = /Các quy định về (.+?) không quy định tại Nghị định này thì tiếp tục thực hiện theo (Nghị định số [^\s,;.()]+)/u;

interface Saving {
  document: string;
  subjects: string[];
  by: Citation;
}

/** A subject in a provision's words: "giá đất" is not the "giá" of "đánh giá đất đai" or "đấu giá quyền sử dụng đất". */
function subjectIn(text: string, subject: string): boolean {
  const esc = subject.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}])(?<!đánh )${esc}(?![\\p{L}])`, 'u').test(text);
}

/** The leaf units of a decree's body (a point, or a clause without points): one power each. */
function bodyLeaves(parsed: ParsedDecree): LegalNode[] {
  const out: LegalNode[] = [];
  const walk = (n: LegalNode) => (n.children.length === 0 ? out.push(n) : n.children.forEach(walk));
  parsed.articles.forEach(walk);
  return out;
}

/**
 * A saving narrows the act's own repeals of that decree: a body provision they end whose words are about a saved
 * subject stays, unless this act itself rewrites the provision it applies ("khoản 1 Điều 4 Nghị định số
 * 88/2024/NĐ-CP", rewritten by 49/2026 Điều 11 khoản 2: then the act does speak of it). Annex procedures stay
 * repealed: a step that prices land inside an allocation procedure is about the allocation.
 */
function applySavings(
  savings: Saving[],
  changes: Change[],
  amendedOutside: Array<{ document: string; address: Address }>,
  texts: ReadonlyMap<string, ParsedDecree>,
): NonNullable<ChangesFile['saved']> {
  const saved: NonNullable<ChangesFile['saved']> = [];
  for (const sv of savings) {
    const target = texts.get(sv.document);
    if (!target) continue;
    for (const c of changes) {
      if (c.op !== 'repeal' || c.document !== sv.document || Object.keys(c.address).length === 0) continue;
      for (const leaf of bodyLeaves(target)) {
        const addr = addressOf(leaf.citation);
        if (!addressWithin(addr, c.address) || c.except.some((e) => addressWithin(addr, e))) continue;
        const text = fullText(leaf);
        const subject = sv.subjects.find((x) => subjectIn(text, x));
        if (!subject) continue;
        const rewritten = amendedOutside.some((a) => citesAddress(text, a));
        if (rewritten) continue;
        c.except.push(addr);
        saved.push({ document: sv.document, address: addr, subject, by: sv.by });
      }
    }
  }
  return saved;
}

/** Whether a provision cites the unit an act rewrote ("khoản 1 Điều 4 Nghị định số 88/2024/NĐ-CP"). */
function citesAddress(text: string, a: { document: string; address: Address }): boolean {
  const [num, year] = a.document.split('/');
  const unit = [a.address.point ? `điểm ${a.address.point}` : '', a.address.clause ? `khoản ${a.address.clause}` : '', a.address.article ? `Điều ${a.address.article}` : '']
    .filter(Boolean)
    .join(' ');
  if (!unit || !num || !year) return false;
  return new RegExp(`(?<![\\p{L}])${unit} (?:của )?Nghị định số ${num}/${year}/`, 'u').test(text);
}

export function readChanges(parsed: ParsedDecree, known: ReadonlySet<string>, texts: ReadonlyMap<string, ParsedDecree> = new Map()): ChangesFile {
  const effective = parsed.validity.from;
  const changes: Change[] = [];
  const unparsed: ChangesFile['unparsed'] = [];
  const savings: Saving[] = [];
  const amendedOutside: Array<{ document: string; address: Address }> = [];
  let outside = 0;
  const act = parsed.number ?? '';
  for (const { node, chain } of leaves(parsed)) {
    const own = node.children.length === 0 ? fullText(node) : node.ownText;
    const flat = own.replace(/\s+/gu, ' ');
    const context = [...chain, flat].join(' ');
    const onDate = (() => {
      const d = DATE_IN_RE.exec([...chain.slice(1), flat].join(' '));
      if (d && /hết hiệu lực|bãi bỏ/iu.test(context) && !/Nghị định này có hiệu lực/u.test(d.input.slice(Math.max(0, (d.index ?? 0) - 40), d.index)))
        return isoDate(d[1]!, d[2]!, d[3]!);
      return effective;
    })();
    if (!onDate) continue;
    const target = actOf(own, chain);
    const base = { by: node.citation, effective: onDate };

    const add = ADD_RE.exec(flat);
    const rep = add ? null : REPLACE_RE.exec(flat);
    if ((add || rep) && target) {
      if (node.children.length > 0 && CONTAINER_RE.test((add ?? rep)![1]!)) continue;
      if (!known.has(target) || [...chain, (add ?? rep)![1]!].some((c) => FORM_RE.test(c))) {
        const t = known.has(target) ? null : addressFor((add ?? rep)![1]!, chain);
        if (t && Object.keys(t.address).length > 0) amendedOutside.push({ document: target, address: t.address });
        outside++;
        continue;
      }
      const t = addressFor((add ?? rep)![1]!, chain);
      if (!t || Object.keys(t.address).length === 0) {
        // "Bổ sung các cụm từ sau đây:" and its dashes are phrases, read below.
        if (!/cụm từ/iu.test(flat)) unparsed.push({ citation: node.citation, excerpt: flat.slice(0, 160) });
      } else {
        changes.push({ op: add ? 'add' : 'replace', document: target, address: t.address, except: [], ...base, text: quoted(own), phrase: null });
        continue;
      }
    }

    const sv = SAVING_RE.exec(flat);
    const svAct = sv ? mentions(sv[2]!)[0]?.number : undefined;
    if (sv && svAct && known.has(svAct)) {
      const subjects = sv[1]!.split(/,\s*(?:về\s+)?|\s+và\s+(?:về\s+)?/u).map((x) => x.trim()).filter(Boolean);
      savings.push({ document: svAct, subjects, by: node.citation });
    }

    const phrases = phrasePairs(own);
    // Every "… bằng cụm từ …" of the unit must be read: one the pattern misses is a coverage problem.
    const written = (own.match(/bằng cụm từ/gu) ?? []).length;
    if (written > phrases.length) unparsed.push({ citation: node.citation, excerpt: `${written - phrases.length} thay thế cụm từ chưa đọc được: ${flat.slice(0, 120)}` });
    if (phrases.length > 0) {
      // Each replacement's act: named after its own "tại …" ("… của Nghị định số 151/2025/NĐ-CP"), else the
      // lead-in's ("Thay thế … tại Nghị định số 102/2024/NĐ-CP"); never a decree quoted inside the new wording.
      const leadAct = actOf('', chain) ?? target;
      for (const p of phrases) {
        // "tại khoản 3 Điều 67, cụm từ “…” bằng …": the places end where the next replacement begins.
        const at = p[2].split(/,?\s*cụm từ|[“"]/u)[0]!;
        const own = mentions(at);
        const act = own.length > 0 ? own[0]!.number : leadAct;
        if (!act || !known.has(act)) {
          outside++;
          continue;
        }
        for (const t of parseTargets(at.replace(/của Nghị định.*$/u, '').replace(/Nghị định.*$/u, '')))
          changes.push({ op: 'phrase', document: act, address: t.address, except: t.except, ...base, text: p[1], phrase: p[0] });
      }
      continue;
    }

    // "b) Thay thế các mẫu như sau: …" under "Thay thế, bãi bỏ …": replacing is not repealing.
    if (/^(?:[a-zđ]\d?\)\s*)?Thay thế/u.test(flat) && !/bãi bỏ/iu.test(flat)) continue;
    if (REPEAL_RE.test(context) && (REPEAL_RE.test(flat) || chain.some((c) => REPEAL_RE.test(c)))) {
      const chainAct = actOf('', chain);
      const groups = repealTargets(flat, /bãi bỏ/iu.test(flat) ? chainAct : REPEAL_RE.test(chain[chain.length - 1] ?? '') ? chainAct : null);
      for (const g of groups) {
        if (g.document === act) continue; // "Nghị định này có hiệu lực …"
        if (!known.has(g.document)) {
          outside++;
          continue;
        }
        for (const t of g.targets) changes.push({ op: 'repeal', document: g.document, address: t.address, except: t.except, ...base, text: null, phrase: null });
      }
    }
  }
  const saved = applySavings(savings, changes, amendedOutside, texts);
  return { act, effective, changes, unparsed, outside, ...(saved.length ? { saved } : {}) };
}

/** "điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP": the citation of a change. */
export function changeBy(c: Change): string {
  return formatCitation(c.by);
}

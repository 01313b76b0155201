/**
 * Lists of provision addresses as amending acts write them, smallest unit first:
 *   "khoản 3 và điểm c khoản 4 Điều 7; Điều 10, Điều 11"
 *   "Điều 5, trừ các điểm i khoản 1, điểm g khoản 2 và điểm d khoản 5"
 *   "điểm a khoản 6 Mục III Phần IV Phụ lục I", "Phụ lục I, trừ … Phần IV; Phần VI …"
 * A larger unit closes every open smaller one before it ("điểm b khoản 1 và điểm e, g khoản 2
 * Điều 17" → b/1/17, e/2/17, g/2/17); "trừ" starts the exceptions of the target before it.
 */
import type { Citation } from '../model';
import { romanToInt } from './text';

/** Units from small to large; body units (to Điều) and annex units (to Phụ lục) never mix in one address. */
export type Unit = 'dash' | 'point' | 'clause' | 'form' | 'article' | 'muc' | 'noiDung' | 'phan' | 'annex';

const RANK: Record<Unit, number> = { dash: 0, point: 1, clause: 2, form: 2, article: 3, muc: 3, noiDung: 4, phan: 5, annex: 6 };
const ANNEX_UNITS: ReadonlySet<Unit> = new Set(['muc', 'noiDung', 'phan', 'annex', 'form']);

export type Address = Partial<Record<Unit, string>>;

export interface Target {
  address: Address;
  except: Address[];
}

const KEYWORDS: Array<[RegExp, Unit]> = [
  [/^gạch đầu dòng(?: thứ)?$/iu, 'dash'],
  [/^điểm$/iu, 'point'],
  [/^khoản$/iu, 'clause'],
  [/^điều$/iu, 'article'],
  [/^mục$/iu, 'muc'],
  [/^nội dung$/iu, 'noiDung'],
  [/^phần$/iu, 'phan'],
  [/^phụ lục$/iu, 'annex'],
  [/^mẫu(?: số)?$/iu, 'form'],
];

const TOKEN_RE =
  /(?<![\p{L}\d])(?:gạch đầu dòng(?: thứ)?|điểm|khoản|điều|mục|nội dung|phần|phụ lục|mẫu(?: số)?|trừ|[0-9]+[a-zđ]?|[IVXLC]+|[a-zđ][0-9]?|[A-H])(?![\p{L}\d])|;/giu;
/** What may stand between two values of one unit: "b, c, d và e". */
const VALUE_GAP = /^(?:[\s,]|và|các|hoặc)*$/iu;

/** A value fits a unit: numbers for clauses and articles, letters for points, roman numerals for annex parts. */
function fits(unit: Unit, v: string): boolean {
  switch (unit) {
    case 'point':
      return /^[a-zđ][0-9]?$/u.test(v);
    case 'clause':
    case 'article':
    case 'dash':
      return /^\d+$/u.test(v);
    case 'form':
      return /^\d+[a-zđ]?$/u.test(v);
    case 'noiDung':
      return /^[A-H]$/u.test(v);
    default:
      return /^(?:[IVXLC]+|\d+)$/u.test(v);
  }
}

interface Group {
  unit: Unit | 'except' | 'reset';
  values: string[];
}

function groups(text: string): Group[] {
  const out: Group[] = [];
  let current: Group | null = null;
  let lastEnd = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const tok = m[0];
    const gap = text.slice(lastEnd, m.index);
    lastEnd = (m.index ?? 0) + tok.length;
    if (tok === ';') {
      current = null;
      out.push({ unit: 'reset', values: [] });
      continue;
    }
    if (/^trừ$/iu.test(tok)) {
      current = null;
      out.push({ unit: 'except', values: [] });
      continue;
    }
    const kw = KEYWORDS.find(([re]) => re.test(tok));
    if (kw) {
      current = { unit: kw[1], values: [] };
      out.push(current);
      continue;
    }
    // Values continue a unit only across "," / "và" / "các"; any other word ends it.
    const follows = current !== null && (current.values.length === 0 ? /^\s*$/u.test(gap) || /^\s*số\s*$/iu.test(gap) : VALUE_GAP.test(gap));
    if (current && follows && fits(current.unit as Unit, tok)) {
      current.values.push(current.unit === 'point' || current.unit === 'noiDung' ? tok : tok.toUpperCase());
    } else current = null;
  }
  return out.filter((g) => g.unit === 'except' || g.unit === 'reset' || g.values.length > 0);
}

function maxRank(a: Address): number {
  return Math.max(-1, ...Object.keys(a).map((k) => RANK[k as Unit]));
}

/** Whether `unit` may close (extend) the open address `a`. */
function extendable(a: Address, unit: Unit): boolean {
  if (a.article !== undefined || a.annex !== undefined) return false; // complete
  if (maxRank(a) >= RANK[unit]) return false;
  if (unit === 'article' && Object.keys(a).some((k) => ANNEX_UNITS.has(k as Unit))) return false;
  return true;
}

function normalise(unit: Unit, v: string): string {
  return unit === 'point' || unit === 'noiDung' ? v.toLowerCase() : v;
}

/** Parse one list of addresses with exceptions. Open (incomplete) exceptions take the missing units of their target. */
export function parseTargets(text: string): Target[] {
  const targets: Target[] = [];
  let open: Address[] = [];
  let inExcept = false;
  const flush = () => {
    if (!inExcept) for (const a of open) targets.push({ address: a, except: [] });
    else {
      const t = targets[targets.length - 1];
      if (t) for (const a of open) t.except.push({ ...inherit(t.address, a), ...a });
    }
    open = [];
  };
  for (const g of groups(text)) {
    if (g.unit === 'reset') {
      if (!inExcept) flush();
      continue;
    }
    if (g.unit === 'except') {
      flush();
      inExcept = true;
      continue;
    }
    const unit = g.unit;
    const closing = open.filter((a) => extendable(a, unit));
    const values = g.values.map((v) => normalise(unit, v));
    if (closing.length > 0) {
      for (const a of closing) a[unit] = values[0];
      for (const v of values.slice(1)) open.push({ [unit]: v });
    } else for (const v of values) open.push({ [unit]: v });
  }
  flush();
  return targets;
}

/** The units of `target` above the highest unit of `rel` (an exception written relative to its target). */
function inherit(target: Address, rel: Address): Address {
  const top = maxRank(rel);
  const out: Address = {};
  const annexSide = Object.keys(rel).some((k) => ANNEX_UNITS.has(k as Unit));
  for (const [k, v] of Object.entries(target) as Array<[Unit, string]>) {
    if (RANK[k] <= top) continue;
    if (annexSide ? k === 'article' : ANNEX_UNITS.has(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Units of a record's annex citation ("khoản 6 mục I phần III Phụ lục I"). */
export function annexUnits(annex: string): Address {
  const out: Address = {};
  const pl = /Phụ lục(?: ([IVXLC]+|\d+))?/u.exec(annex);
  if (pl) out.annex = pl[1] ?? 'I';
  // "Phần V" (roman, capital) is a part; "phần C" (a letter, lower case) is 151's "nội dung C".
  const phan = /Phần ([IVXLC]+)\b/u.exec(annex);
  if (phan?.[1]) out.phan = phan[1].toUpperCase();
  const nd = /(?:nội dung|phần) ([A-H])(?![\p{L}])/u.exec(annex);
  if (nd?.[1]) out.noiDung = nd[1].toLowerCase();
  const muc = /mục ([IVXLC]+|\d+)\b/iu.exec(annex);
  if (muc?.[1]) out.muc = muc[1].toUpperCase();
  const k = /khoản (\d+)/u.exec(annex);
  if (k?.[1]) out.clause = k[1];
  return out;
}

/** The address of a citation, in the same units. */
export function addressOf(c: Citation): Address {
  const a: Address = c.annex ? annexUnits(c.annex) : {};
  if (c.article != null) a.article = String(c.article);
  if (c.clause != null) a.clause = String(c.clause);
  if (c.point) a.point = c.point;
  return a;
}

/** Whether the provision at `inner` lies inside `outer` (every unit `outer` names, `inner` has the same). */
export function addressWithin(inner: Address, outer: Address): boolean {
  const outerKeys = Object.keys(outer) as Unit[];
  if (outerKeys.length === 0) return false;
  const innerAnnex = inner.annex !== undefined;
  const outerAnnex = outer.annex !== undefined;
  if (innerAnnex !== outerAnnex && (outer.article !== undefined || outer.annex !== undefined)) return false;
  return outerKeys.every((k) => inner[k] !== undefined && inner[k] === outer[k]);
}

/** "điểm h khoản 1 Điều 5", "mục I phần III Phụ lục I": an address in words. */
export function formatAddress(a: Address): string {
  const parts: string[] = [];
  if (a.dash) parts.push(`gạch đầu dòng thứ ${a.dash}`);
  if (a.point) parts.push(`điểm ${a.point}`);
  if (a.clause) parts.push(`khoản ${a.clause}`);
  if (a.form) parts.push(`Mẫu số ${a.form}`);
  if (a.article) parts.push(`Điều ${a.article}`);
  if (a.muc) parts.push(`Mục ${a.muc}`);
  if (a.noiDung) parts.push(`nội dung ${a.noiDung.toUpperCase()}`);
  if (a.phan) parts.push(`Phần ${a.phan}`);
  if (a.annex) parts.push(`Phụ lục ${a.annex}`);
  return parts.join(' ');
}

/** Roman numerals compare as numbers when sorting addresses. */
export function unitOrder(v: string | undefined): number {
  if (v === undefined) return -1;
  return /^\d+$/u.test(v) ? Number(v) : /^[IVXLC]+$/u.test(v) ? romanToInt(v) : v.charCodeAt(0);
}

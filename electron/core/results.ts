/**
 * What the core answers: search arguments and results, record and decree details, reports.
 * The core owns these types; the API contract (electron/api/contract.ts) re-exports them,
 * so the core never imports the contract. Types and one constant only, no runtime imports:
 * the renderer reaches this file through the contract.
 */
import type {
  ActKind,
  AuthorityRecord,
  Citation,
  DocumentInfo,
  HolderKind,
  Level,
  Mechanism,
  Provision,
  Role,
  SectorId,
  SourceStatus,
  ProcedureRecord,
  TimelineEvent,
  TimelineStatus,
} from './model';
import type { NationalProcedure } from './procedures/portal';
import type { DisagreementKind } from './procedures/link';


export interface SearchFilters {
  sector?: SectorId[];
  level?: Level[];
  holderKind?: HolderKind[];
  role?: Role[];
  mechanism?: Mechanism[];
  document?: string[];
}

/** The most hits one search answers: the validator refuses more, the core clamps to it, the renderer pages up to it. */
export const MAX_RESULTS = 200;

export interface SearchArgs {
  q: string;
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
  /** Answer for this day (ISO "2026-02-01"); default today. */
  date?: string;
  /** Answer in this province (its delegation acts apply); default none: the national law only. */
  province?: string | null;
}

/** Where a record stands on the day asked, and why. */
export interface HitStatus {
  code: TimelineStatus;
  /** In words, with the act: "Đã bãi bỏ từ 31/01/2026 bởi điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP". */
  label: string;
  from: string;
  to: string | null;
  /** The act provision that made this version (added / replaced), null = original text. */
  madeBy: string | null;
  /** The act provision that repealed it. */
  endedBy: string | null;
  /** A caution for this day (term about to end or ended, a file begun earlier may follow the old rule …). */
  note: string | null;
}

/** Who holds a power that the province may delegate (49/2026/NĐ-CP Điều 14 …). */
export interface HitDelegation {
  /** "UBND cấp tỉnh có thể đã phân cấp, ủy quyền …" or, in a province with an act, who holds it there. */
  note: string;
  province: string | null;
  /** The delegate in that province, when its act is loaded. */
  holder: string | null;
  /** Citation of the province's act. */
  citationText: string | null;
  recordId: string | null;
}

/** [start, end) character ranges in the string they belong to. */
export type Ranges = Array<[number, number]>;

export interface SearchHit {
  id: string;
  /**
   * 'portal': a national procedure record linked to no power of the register (id "dvc:<code>"), its own
   * labelled row — second-hand, at most 'medium', never above a power that matches as well. Absent: a power.
   */
  kind?: 'power' | 'portal';
  /** For a portal row: what the portal says of the procedure. */
  portal?: PortalInfo;
  title: string;
  holder: string;
  level: Level;
  holderKind: HolderKind;
  role: Role;
  mechanism: Mechanism;
  sector: SectorId;
  formerHolder: string | null;
  citation: Citation;
  citationText: string;
  sourceStatus: SourceStatus;
  /** A later act may have changed this provision (see AuthorityRecord.caution). */
  caution: string | null;
  score: number;
  titleRanges: Ranges;
  /** A short stretch of the clause text around the match, when the text is loaded. */
  excerpt: string | null;
  excerptRanges: Ranges;
  /** Status on the day of the search. */
  status: HitStatus;
  act: ActKind;
  /** Set for a province's act record. */
  province: string | null;
  /** The id of the (ended) record this hit took over, when listed above it. */
  supersedes: string | null;
  /** Ids of records in force that took this one over. */
  supersededBy: string[];
  delegation: HitDelegation | null;
  /** How long it takes: the decree's time limit, else the linked national procedure's ("17 Ngày làm việc"). */
  timeLimit: string | null;
  /** Where the time limit comes from, when it is not the decree ("Cổng Dịch vụ công, thủ tục 1.012753"). */
  timeLimitSource: string | null;
  /**
   * How sure the engine is that this record answers the question: 'high' (every informative word found,
   * typed with marks or in the task's name / heading), 'medium' (found, but folded and only in the clause),
   * 'low' (an informative word is missing: a near miss, never an answer). The reason says which, in Vietnamese.
   */
  confidence: 'high' | 'medium' | 'low';
  confidenceReason: string;
  /**
   * One answer per power: the procedures that carry out this power, under it — the annex procedure
   * records the article lists (a question that found one is answered by this power, the procedure is
   * folded in here, `matched`) and the national procedure records linked to it. Matched ones first.
   */
  procedures?: HitProcedure[];
  /** Linked procedures not listed in `procedures` (the record's detail lists them all). */
  proceduresMore?: number;
  /**
   * One answer per provision: every holder of the cited provision by role, the deciding one first (the
   * row's own record is `main`). Set when the provision has more than one record that applies on the day.
   */
  roles?: HitRole[];
}

/** What the national procedure database says of a procedure no power of the register carries out. */
export interface PortalInfo {
  code: string;
  /** The portal's levels ("Cấp xã", "Cấp tỉnh", "Cấp bộ"). */
  levels: Level[];
  field: string | null;
  competentBody: string | null;
  implementingBody: string | null;
  /** Legal basis as the portal cites it. */
  basis: string[];
  /** Decrees of the basis whose text is not loaded. */
  basisWithoutText: string[];
  /** Says so in words, when some are. */
  basisNote: string | null;
  url: string | null;
}

/** A holder of the provision a hit cites, in its role. */
export interface HitRole {
  id: string;
  role: Role;
  /** "Có thẩm quyền quyết định", "Tiếp nhận hồ sơ" … */
  roleLabel: string;
  holder: string;
  level: Level;
  /** The task as the register names it for this holder (may differ from the row's). */
  title: string;
  /** The row's own record. */
  main: boolean;
}

/** A procedure under the power it carries out. */
export interface HitProcedure {
  /** 'annex': a record of the decree's annex; 'national': a record of the national procedure database. */
  kind: 'annex' | 'national';
  /** Record id (annex) or procedure code (national). */
  id: string;
  name: string;
  /** Annex: who it names and where it is written; national: null. */
  holder: string | null;
  citationText: string | null;
  /** The question named this procedure (its own hit is folded in here). */
  matched: boolean;
  /** Annex: its status on the day, when it does not apply ("Đã bãi bỏ từ …"); else null. */
  statusLabel: string | null;
}

export interface SearchResult {
  q: string;
  total: number;
  hits: SearchHit[];
  /** "Có phải bạn muốn tìm …": set when the query looked like raw Telex/VNI or found nothing. */
  suggestion: string | null;
  /** Set when the query jumped straight to a provision ("nđ 120 điều 4"). */
  jump: Citation | null;
  /**
   * Typed words that the best hit does not contain. Non-empty means no record matches the whole
   * question: the UI must say so, because a near miss may name a different authority.
   */
  missingWords: string[];
  /** The day the answer is for (ISO) and the province, as applied. */
  date: string;
  province: string | null;
  /** Said above the list when the day asked is past the term of most of the batch, or before the reform. */
  notice: string | null;
  /**
   * Decrees without text whose topic the question names (health, education, tax …), to say FIRST: the
   * hits below are then near misses from other decrees. Set by every search; empty when none applies.
   */
  outOfCoverage?: OutOfCoverage[];
  tookMs: number;
}

/** A decree of the batch that would hold the answer, but whose text is not loaded. */
export interface OutOfCoverage {
  number: string;
  title: string;
  /** Sector label in Vietnamese ("Y tế"). */
  sector: string;
  /** Why it is named ("… thuộc lĩnh vực … Chưa có văn bản …"); each front end says how to import the text. */
  reason: string;
}

export interface ProvisionVersion {
  from: string;
  to: string | null;
  text: string;
  madeBy: string | null;
  endedBy: string | null;
}

export interface RecordDetail {
  record: AuthorityRecord;
  citationText: string;
  document: DocumentInfo;
  /** The cited clause as the decree writes it; null when the text is not loaded in this build. */
  provision: Provision | null;
  /** Other records from the same article. */
  related: SearchHit[];
  /** On the day asked. */
  status: HitStatus;
  date: string;
  /** Every change applied to the record, in date order. */
  timeline: TimelineEvent[];
  /** The wording of the provision over time (oldest first). */
  versions: ProvisionVersion[];
  /** Records of later acts that took this one over / that this one took over. */
  successors: SearchHit[];
  predecessors: SearchHit[];
  /** Provinces' delegations of this power (all loaded provinces). */
  delegations: SearchHit[];
  delegation: HitDelegation | null;
  /** National procedure records that implement this power (portal), with the cross-check. */
  nationalProcedures: LinkedProcedure[];
  /** Procedures of the decree's annexes that implement this power, with their status on the day. */
  annexProcedures: AnnexProcedureOnDay[];
}

/** A procedure of a decree's annex (its steps, who receives, who decides, time limit), on the day asked. */
export interface AnnexProcedureOnDay extends ProcedureRecord {
  citationText: string;
  implements: string[];
  /** "text": the texts link it to the power; "name": only its name matched (to be checked); "later-act": the power is a later act's (linkNote says why). */
  linkedBy: 'text' | 'name' | 'later-act' | null;
  linkNote?: string;
  status: HitStatus;
}

/** A national procedure record linked to a power, with what the cross-check found. */
export interface LinkedProcedure extends NationalProcedure {
  agreement: 'agree' | 'disagree';
  /** What a disagreement means (procedures/link.ts); absent when they agree. */
  kind?: DisagreementKind;
  reason: string;
}

/** One link of the cross-check: the portal's side and the register's, each with its citation. */
export interface CrosscheckLink {
  code: string;
  name: string;
  url: string | null;
  agreement: 'agree' | 'disagree';
  kind: DisagreementKind | null;
  /** The portal's side: levels, competent body, the acts of the catalogue its legal basis cites. */
  portalLevels: string[];
  portalBody: string | null;
  portalBasis: string[];
  /** The register's side. */
  recordId: string;
  document: string;
  citationText: string;
  holder: string;
  reason: string;
}

/** `kb crosscheck`: every link between the portal and the register, on the portal's date. */
export interface CrosscheckReport {
  date: string;
  loaded: number;
  linked: number;
  agree: number;
  disagree: number;
  /** Cite a decree with text, but no power of it matched the name. */
  unmatched: number;
  /** Procedures citing a decree we have no text for, by decree: second-hand coverage. */
  secondHand: Record<string, number>;
  disagreements: Array<{ code: string; name: string; url: string | null; recordId: string; citationText: string; holder: string; reason: string; kind: DisagreementKind | null }>;
  /** Disagreements by what they mean, and what each kind says in Vietnamese. */
  byKind: Record<DisagreementKind, number>;
  kindLabels: Record<DisagreementKind, string>;
  /** Every link, agreements and disagreements alike (the app's cross-check view). */
  links: CrosscheckLink[];
}

export interface ActApplied {
  number: string;
  kind: ActKind;
  effective: string | null;
  province: string | null;
  /** Changes it makes to provisions of other acts. */
  changes: number;
  /** Records of its own (re-assigned powers, delegations). */
  records: number;
}

export interface Stats {
  documents: number;
  documentsWithText: number;
  records: number;
  bySector: Record<string, number>;
  byLevel: Record<string, number>;
  /** Records by status on `date` (today unless asked). */
  byStatus: Record<TimelineStatus, number>;
  /** Provisions by status on `date`: in force, amended, repealed, ended, not yet. */
  provisionsByStatus: Record<TimelineStatus, number>;
  date: string;
  acts: ActApplied[];
  /** Procedure records in the register (annex procedures). */
  procedures: number;
  /** National procedure records loaded, and those linked to a power. */
  nationalProcedures: number;
  nationalProceduresLinked: number;
  builtAt: string;
}

/** One provision of a decree in reading order, with the records it grants on the day. */
export interface OutlineNode {
  /** "dieu" article, "khoan" clause, "diem" point; "phu-luc" for any unit of an annex. */
  kind: 'dieu' | 'khoan' | 'diem' | 'phu-luc';
  citation: Citation;
  citationText: string;
  /** Chương / Mục / Phụ lục headings above it, outermost first. */
  path: string[];
  heading: string | null;
  /** The wording on the day (the last one, when it has ended). */
  text: string;
  /** Set when the wording is not in force on the day ("Đã bãi bỏ từ …", "Chưa có hiệu lực …"). */
  statusNote: string | null;
  /** Records citing this provision (a point's record falls back to its clause, then its article). */
  records: SearchHit[];
}

/** A record in the catalogue (sector → field → records), with its status on the day. */
export interface RecordListItem extends SearchHit {
  field: string | null;
  /** Codes of the national procedure records that carry out this power (statistics by sector). */
  nationalProcedures: string[];
}

/** A decree to read: its outline in text order. */
export interface DocumentDetail {
  document: DocumentInfo;
  date: string;
  nodes: OutlineNode[];
}

/** A user's bookmark. It outlives knowledge-base updates: hit is null when the record is gone. */
export interface Bookmark {
  recordId: string;
  note: string;
  createdAt: string;
  hit: SearchHit | null;
}

export interface HistoryEntry {
  query: string;
  lastUsed: string;
  uses: number;
}

/**
 * The register's data model. Pure types: imported by the core, the API contract
 * and (type-only) by the renderer, so nothing here may import Node or Electron.
 */

/** Sector ids follow ../shared/sources/manifest.json, except that its "other" is split by ministry (data/documents.json). */
export type SectorId =
  | 'justice'
  | 'finance'
  | 'construction'
  | 'health'
  | 'agriculture'
  | 'industry'
  | 'interior'
  | 'science'
  | 'ethnic-religion'
  | 'foreign-affairs'
  | 'culture'
  | 'inspection'
  | 'education'
  /** Only for an imported act whose title names no sector we know. */
  | 'other';

/** Level of the body that holds the authority after the reform. */
export type Level = 'xa' | 'tinh' | 'trung-uong';

export type HolderKind =
  | 'hdnd' // Hội đồng nhân dân
  | 'ubnd' // Ủy ban nhân dân
  | 'chu-tich-ubnd' // Chủ tịch Ủy ban nhân dân
  | 'co-quan-chuyen-mon' // Sở, phòng, cơ quan chuyên môn
  | 'bo' // Bộ, Bộ trưởng, Thủ tướng, Chính phủ
  | 'khac';

export type Role =
  | 'quyet-dinh' // has the authority (thẩm quyền) to decide / perform
  | 'tiep-nhan' // receives the file
  | 'phoi-hop' // coordinates, gives opinion
  | 'trach-nhiem' // is responsible for (có trách nhiệm)
  | 'bai-bo'; // task abolished ("Không thực hiện …")

export type Mechanism = 'phan-dinh' | 'phan-quyen' | 'phan-cap' | 'uy-quyen';

export type SourceStatus = 'verified' | 'second-hand';

export type DocumentKind = 'phan-dinh' | 'phan-quyen-phan-cap' | 'both';

/** Where an assignment is written: decree, article, clause, point (or an annex item). */
export interface Citation {
  document: string; // "120/2025/NĐ-CP"
  article: number | null;
  clause: number | null;
  point: string | null;
  /** Annex location when the provision is in a Phụ lục, e.g. "Phụ lục, mục I, khoản 1". */
  annex: string | null;
}

export interface Validity {
  from: string; // ISO date
  to: string | null; // ISO date of the first day it no longer applies
  status: 'hieu-luc' | 'het-hieu-luc' | 'chua-hieu-luc';
  note: string | null;
}

export interface AuthorityRecord {
  /** Stable across rebuilds: derived from citation + holder + role, never from order. */
  id: string;
  title: string;
  holder: string;
  level: Level;
  holderKind: HolderKind;
  role: Role;
  formerHolder: string | null;
  mechanism: Mechanism;
  /** Provisions of other acts that the assignment replaces or points to. */
  refersTo: string[];
  citation: Citation;
  sector: SectorId;
  field: string | null;
  /** Everyday names people type for this task ("làm giấy khai sinh"). */
  aliases: string[];
  sourceStatus: SourceStatus;
  /** For second-hand records: the article the fact was taken from. */
  secondarySource: string | null;
  /** Procedures (TTHC) that implement this power, by record id. */
  procedures: string[];
  /** Time limit when the text gives one, as written ("05 ngày làm việc"). */
  timeLimit: string | null;
  /**
   * Set at KB build from data/amendments.json when a later act amends the cited provision or its
   * decree and that act is not loaded: the answer must be checked before it is given.
   */
  caution?: string | null;
  /**
   * The record on the law's timeline (set at KB build from the acts that changed its provision):
   * when it applies, which act made it, which ended it. Absent only in registers before the build.
   */
  timeline?: RecordTimeline;
  /** What kind of act the record comes from (a batch decree, an amending or later act, a province's act). */
  act?: ActKind;
  /**
   * The record's own term when its text gives one (data/corrections, action "set"): "… tiếp tục thực hiện …
   * đến ngày 31 tháng 12 năm 2025" ends it; a power that applies only after such a transition starts later.
   * ISO days, `to` the first day it no longer applies; `note` says where the text sets it.
   */
  term?: { from?: string; to?: string; note: string };
  /** For a provincial act's record: the province it applies in (one province at a time in answers). */
  province?: string | null;
  /** Records of earlier provisions this one takes over (same task, later act), by id. */
  replaces?: string[];
  /** Records of later provisions that took this one over, by id (the inverse of `replaces`). */
  replacedBy?: string[];
  /** For a delegation: the national records whose power it delegates, by id. */
  restsOn?: string[];
  /** The law lets UBND cấp tỉnh phân cấp / ủy quyền this power: who holds it may differ by province. */
  delegable?: boolean;
  /**
   * Set when the power is delegable not by its own clause but because who acts depends on who decided
   * under a delegable clause of the same article (49/2026 Điều 14 khoản 2 → khoản 1): that clause.
   */
  delegableBy?: Citation;
  /** Procedures of the decree's annexes that implement this power (procedure record ids). */
  annexProcedures?: string[];
  /** National procedure records (portal codes) linked to this power at KB build. */
  nationalProcedures?: string[];
  /** When the decree gives no time limit: the linked national procedures' (one time, or the range "8–30 Ngày làm việc, tùy thủ tục"). */
  procedureTimeLimit?: { time: string; source: string } | null;
}

/** A step of an annex procedure (electron/core/legal/procedures.ts). */
export interface ProcedureStep {
  /** The item's number in the section ("1", "2" …). */
  n: number;
  /** Where the step is written (its annex item). */
  citation: Citation;
  /** Bodies named in the step, in order. */
  bodies: string[];
  /** The step as written, shortened for display: read from the text at KB build, never stored in data/. */
  text?: string;
  /** The step's own place on the timeline (set at KB build): a repeal may spare some items of a section. */
  timeline?: RecordTimeline;
}

export interface ProcedureRecord {
  id: string;
  document: string;
  citation: Citation;
  name: string;
  steps: ProcedureStep[];
  /** The body that receives the file, when a step says so ("nộp hồ sơ đến …", "tiếp nhận hồ sơ"). */
  receiver: string | null;
  /** Where the annex says once, for a whole part, where files are received (151 Phụ lục I Phần V nội dung A mục I). */
  reception: Citation | null;
  /** That rule as written, with its place: read from the text at KB build, never stored in data/. */
  receptionNote: string | null;
  /** The body of the last deciding step ("quyết định", "cấp", "phê duyệt" …). */
  decider: string | null;
  timeLimit: string | null;
  /**
   * The step whose wording sets that time, when the procedure has several (read back from the text at KB
   * build): "15 ngày" for the opinions of step 3 is not how long the whole procedure takes.
   */
  timeLimitStep?: number | null;
}


/** Kinds of act, read from the text (never from a file name or folder). */
export type ActKind = 'batch' | 'amending' | 'later' | 'provincial';

export const ACT_KIND_LABELS: Record<ActKind, string> = {
  batch: 'Nghị định trong đợt phân định, phân quyền, phân cấp',
  amending: 'Văn bản sửa đổi, bổ sung, bãi bỏ',
  later: 'Văn bản ban hành sau, giao lại thẩm quyền',
  provincial: 'Văn bản của tỉnh (phân cấp, ủy quyền)',
};

/** One act's change to a provision, as it applies to a record. */
export interface TimelineEvent {
  /** ISO date from which the change applies. */
  on: string;
  kind: 'added' | 'replaced' | 'amended' | 'repealed';
  /** The provision of the act that made the change: "điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP". */
  by: string;
  /** What changed, in a few words ("Thay cụm từ …"). */
  note: string | null;
}

export interface RecordTimeline {
  /** First day the record applies. */
  from: string;
  /** First day it no longer applies (repeal or end of term); null = open. */
  to: string | null;
  /** Why it stops on `to`. */
  endKind: 'repealed' | 'expired' | null;
  /** The act provision that made it (null = the original text of its act). */
  madeBy: string | null;
  /** The act provision that repealed it, when repealed. */
  endedBy: string | null;
  /** Where the record's own text sets its term, when it ends or starts by it (AuthorityRecord.term). */
  termNote?: string | null;
  /** Every change applied, in date order. */
  events: TimelineEvent[];
}

/** Status of a record on a given day. */
export type TimelineStatus = 'hieu-luc' | 'da-sua-doi' | 'bai-bo' | 'het-thoi-han' | 'chua-hieu-luc';

export const TIMELINE_STATUS_LABELS: Record<TimelineStatus, string> = {
  'hieu-luc': 'Đang có hiệu lực',
  'da-sua-doi': 'Có hiệu lực (đã sửa đổi)',
  'bai-bo': 'Đã bãi bỏ',
  'het-thoi-han': 'Hết thời hạn áp dụng',
  'chua-hieu-luc': 'Chưa có hiệu lực',
};

/** "Nghị định", "Quyết định": the name of an act from its number. */
export function actName(number: string): string {
  if (/QĐ-/u.test(number)) return 'Quyết định';
  if (/NQ-/u.test(number)) return 'Nghị quyết';
  if (/TT-/u.test(number)) return 'Thông tư';
  return 'Nghị định';
}

/** A later act that changes a decree (or one article of it), as far as we know it. */
export interface Amendment {
  document: string;
  /** The amending act, when known. */
  by: string | null;
  effective: string | null;
  /** The article concerned; null when the whole decree may be affected. */
  article: number | null;
  /** Whether we checked the amending text itself. */
  verified: boolean;
  note: string;
  source: string;
}

export interface DocumentInfo {
  number: string;
  title: string;
  sector: SectorId;
  ministry: string | null;
  kind: DocumentKind;
  issued: string | null;
  validity: Validity;
  /** Whether the full text was parsed into provisions in this build. */
  textLoaded: boolean;
  records: number;
  /** Later acts known to amend it (data/amendments.json). */
  amendments?: Amendment[];
  /** Kind of act (batch decree, amending, later or provincial act); absent = batch. */
  actKind?: ActKind;
  /** For a provincial act: its province. */
  province?: string | null;
  /** Changes this act makes to other acts, as applied (amending, later and provincial acts). */
  changes?: number;
}

export interface Provision {
  citation: Citation;
  /** Chương / Mục headings above the provision. */
  path: string[];
  heading: string | null;
  text: string;
  /** Lead-ins of the units above it ("… do Chủ tịch Ủy ban nhân dân cấp tỉnh thực hiện, bao gồm:"), outermost first. */
  leadIn?: string[];
}

export const LEVEL_LABELS: Record<Level, string> = {
  xa: 'Cấp xã',
  tinh: 'Cấp tỉnh',
  'trung-uong': 'Trung ương',
};

export const SECTOR_LABELS: Record<SectorId, string> = {
  justice: 'Tư pháp',
  finance: 'Tài chính',
  construction: 'Xây dựng',
  health: 'Y tế',
  agriculture: 'Nông nghiệp và Môi trường',
  industry: 'Công Thương',
  interior: 'Nội vụ',
  science: 'Khoa học và Công nghệ',
  'ethnic-religion': 'Dân tộc, tín ngưỡng, tôn giáo',
  'foreign-affairs': 'Đối ngoại',
  culture: 'Văn hóa, thể thao và du lịch',
  inspection: 'Thanh tra',
  education: 'Giáo dục và Đào tạo',
  other: 'Lĩnh vực khác',
};

export const ROLE_LABELS: Record<Role, string> = {
  'quyet-dinh': 'Có thẩm quyền quyết định',
  'tiep-nhan': 'Tiếp nhận hồ sơ',
  'phoi-hop': 'Phối hợp, cho ý kiến',
  'trach-nhiem': 'Có trách nhiệm thực hiện',
  'bai-bo': 'Không còn thực hiện',
};

export const MECHANISM_LABELS: Record<Mechanism, string> = {
  'phan-dinh': 'Phân định thẩm quyền',
  'phan-quyen': 'Phân quyền',
  'phan-cap': 'Phân cấp',
  'uy-quyen': 'Ủy quyền',
};

export const HOLDER_KIND_LABELS: Record<HolderKind, string> = {
  hdnd: 'Hội đồng nhân dân',
  ubnd: 'Ủy ban nhân dân',
  'chu-tich-ubnd': 'Chủ tịch Ủy ban nhân dân',
  'co-quan-chuyen-mon': 'Cơ quan chuyên môn',
  bo: 'Chính phủ, Bộ, ngành',
  khac: 'Cơ quan khác',
};

/** "Điều 4 Nghị định 120/2025/NĐ-CP", "điểm a khoản 1 Điều 5 Nghị định …". */
export function formatCitation(c: Citation): string {
  const parts: string[] = [];
  if (c.point) parts.push(`điểm ${c.point}`);
  if (c.clause != null) parts.push(`khoản ${c.clause}`);
  if (c.article != null) parts.push(`Điều ${c.article}`);
  if (c.annex) parts.push(c.annex);
  parts.push(`${actName(c.document)} ${c.document}`);
  const s = parts.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The allowed values of each enumerated field, from the label maps (one list to keep in step). */
export const SECTOR_IDS = Object.keys(SECTOR_LABELS) as SectorId[];
export const LEVELS = Object.keys(LEVEL_LABELS) as Level[];
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
export const MECHANISMS = Object.keys(MECHANISM_LABELS) as Mechanism[];
export const HOLDER_KINDS = Object.keys(HOLDER_KIND_LABELS) as HolderKind[];

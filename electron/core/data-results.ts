/**
 * What the data screens of the app receive ("Cập nhật dữ liệu", "Nạp văn bản"): types only, so the
 * renderer can import them through the API contract.
 */

/** One version of the knowledge base, as its manifest describes it. */
export interface DataVersionInfo {
  dataVersion: string;
  builtAt: string;
  counts: { documents: number; records: number; provisions: number };
  bytes: number;
}

export interface DataStatus {
  /** The data in use. */
  current: DataVersionInfo | null;
  /** What "Khôi phục bản trước" would bring back; null when there is none. */
  previous: DataVersionInfo | null;
}

/** A data pack checked (signature, hash, formats, schema) and waiting under a one-time token, or refused. */
export type PackCheck =
  | { ok: true; token: string; fileName: string; pack: DataVersionInfo & { packedAt: string }; sameAsCurrent: boolean }
  | { ok: false; fileName: string; reason: string };

/** What a text to import was recognised as, before anything is kept. */
export type ImportPreview =
  | {
      ok: true;
      token: string;
      fileName: string;
      document: string;
      title: string;
      /** "Nghị định phân định thẩm quyền (đợt 2025)", "Văn bản sửa đổi, bổ sung", "Văn bản ban hành sau", "Văn bản của tỉnh". */
      kindLabel: string;
      /** The decrees it amends or repeals (amending and later acts), the province of a provincial act. */
      changes: string[];
      articles: number;
      provisions: number;
      /** Authority records found in it. */
      records: number;
      /** Set when keeping it needs "Thay thế": which text it would replace, in words. */
      replaces: string | null;
    }
  | { ok: false; fileName: string; reason: string };

export interface ImportOutcome {
  kept: boolean;
  /** In Vietnamese: what was kept, or why nothing was. */
  message: string;
  status: DataStatus;
}

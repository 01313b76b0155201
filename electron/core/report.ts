/**
 * "Báo sai sót": a structured report a user can send to whoever keeps the data. It pairs what the
 * user saw (holder and citation as shown, the day, the province) with what the knowledge base says
 * for that record, the app and data versions, and the user's comment — so a maintainer can find the
 * record and the build without asking back. Plain Node, no Electron: the app saves it through a save
 * dialog, browser mode hands it to the page to download.
 */
import type { KnowledgeBase } from './kb/open';
import { formatCitation } from './model';

export const MAX_REPORT_COMMENT = 5000;

/** What the renderer sends: the record, the day it was looked at, and what was on the screen. */
export interface ErrorReportArgs {
  recordId: string;
  date?: string;
  province?: string | null;
  comment: string;
  shown: { holder: string; citation: string; status: string };
}

/**
 * A file to save. `in-browser`: the page itself must save it (browser mode: a download of `content`;
 * for a PDF, the browser's print dialog). `saved`: written where the user chose; `cancelled`: the user closed the dialog.
 */
export interface SavedFile {
  status: 'saved' | 'cancelled' | 'in-browser';
  fileName: string;
  /** The file's text, when the page has to save it itself. */
  content?: string;
  /** Where the app wrote it. */
  path?: string;
}

export interface ErrorReport {
  kind: 'tra-cuu-tham-quyen/bao-sai-sot';
  version: 1;
  createdAt: string;
  app: { name: string; version: string };
  data: { builtAt: string };
  day: string;
  province: string | null;
  shown: ErrorReportArgs['shown'];
  record: {
    id: string;
    title: string;
    holder: string;
    level: string;
    role: string;
    citation: string;
    document: string;
    status: string;
  } | null;
  comment: string;
}

/** "bao-sai-sot-151-d5-k1-pa-…-2026-12-02.json": the record and the day in the name, safe on every file system. */
export function reportFileName(recordId: string, day: string): string {
  const safe = recordId.replace(/[^a-z0-9-]+/giu, '-').slice(0, 80);
  return `bao-sai-sot-${safe}-${day}.json`;
}

export function buildErrorReport(kb: KnowledgeBase, args: ErrorReportArgs, appVersion: string, now = new Date()): SavedFile {
  const detail = kb.getRecord(args.recordId, args.date, args.province ?? null);
  const day = detail?.date ?? args.date ?? now.toISOString().slice(0, 10);
  const report: ErrorReport = {
    kind: 'tra-cuu-tham-quyen/bao-sai-sot',
    version: 1,
    createdAt: now.toISOString(),
    app: { name: 'Tra cứu thẩm quyền', version: appVersion },
    data: { builtAt: kb.builtAt },
    day,
    province: args.province ?? null,
    shown: args.shown,
    // A record gone since the page was opened is still reported, with what the user saw.
    record: detail
      ? {
          id: detail.record.id,
          title: detail.record.title,
          holder: detail.record.holder,
          level: detail.record.level,
          role: detail.record.role,
          citation: formatCitation(detail.record.citation),
          document: detail.document.number,
          status: detail.status.label,
        }
      : null,
    comment: args.comment.trim(),
  };
  return { status: 'in-browser', fileName: reportFileName(args.recordId, day), content: `${JSON.stringify(report, null, 2)}\n` };
}

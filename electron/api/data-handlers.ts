/**
 * The data screens' requests ("Cập nhật dữ liệu", "Nạp văn bản"), for the app (IPC) and browser
 * mode (HTTP, this machine only). The core does the work — pack checks and the atomic install
 * (core/kb/data-update.ts, the same as `kb update`), the staged import and its dry run
 * (core/kb/import-texts.ts, the same as `kb import`) — and the KB in use is swapped afterwards
 * (KbSlot): the next request answers from the new data, no restart.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers, DataStatus, ImportPreview } from './contract';
import { UserFacingError } from './errors';
import type { DataApiName } from './validate-data';
import { activeKbPath, dataStatus, PackStaging, type DataPlace } from '../core/kb/data-update';
import { importTexts } from '../core/kb/import-texts';
import type { KbSlot } from '../core/kb/kb-slot';
import type { KnowledgeBase } from '../core/kb/open';
import { PackRefused } from '../core/kb/pack';
import { ACT_KIND_LABELS } from '../core/model';

export type DataHandlers = Pick<ApiHandlers, DataApiName>;

export interface DataHandlerOptions {
  slot: KbSlot;
  place: DataPlace;
  publicKeyPem: () => string;
  /** Opens a KB after checking it against its manifest (manifest.ts openVerifiedKb, with the app's binding). */
  open: (kbPath: string) => KnowledgeBase;
  nativeBinding?: string;
  /** Where imports are built from; null where the app has no data/ to build with (a packaged app). */
  imports: { root: string; userDir: string; sourcesDir: string | null } | null;
}

const NO_IMPORT = 'Nạp văn bản cần bộ dữ liệu nguồn (thư mục data/) để dựng lại cơ sở dữ liệu; bản cài đặt này không có. Hãy dùng gói dữ liệu do nhà phát hành ký ("Cập nhật dữ liệu"), hoặc nạp văn bản ở chế độ trình duyệt (npm run serve).';

/** A file name kept for messages and for its extension (.txt / .docx decides how it is read). */
function safeName(fileName: string): string {
  const base = fileName.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(-120);
  return /\.(txt|docx)$/i.test(base) ? base : `${base}.txt`;
}

export function createDataHandlers(o: DataHandlerOptions): DataHandlers {
  const staging = new PackStaging(o.place, o.publicKeyPem, o.nativeBinding);
  /** The text previewed, waiting for "Nạp" (one at a time). */
  let waitingText: { token: string; dir: string; file: string; replaces: string | null } | null = null;
  const dropWaitingText = () => {
    if (waitingText) rmSync(waitingText.dir, { recursive: true, force: true });
    waitingText = null;
  };

  /** Answers from the KB now on disk; when it does not open, the previous copy goes back. */
  const reload = (): void => {
    try {
      o.slot.replace(o.open(activeKbPath(o.place)));
    } catch (err) {
      staging.restore();
      o.slot.replace(o.open(activeKbPath(o.place)));
      throw new UserFacingError(`Dữ liệu mới không mở được (${(err as Error).message}); đã trở lại bản trước.`);
    }
  };
  const refusal = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof PackRefused) throw new UserFacingError(err.message);
      throw err;
    }
  };
  const status = (): DataStatus => dataStatus(o.place);

  return {
    dataStatus: () => status(),
    checkPack: ({ fileName, data }) => staging.check(fileName, Buffer.from(data, 'base64')),
    installPack: ({ token }) => {
      refusal(() => staging.install(token));
      reload();
      return status();
    },
    restorePreviousData: () => {
      refusal(() => staging.restore());
      reload();
      return status();
    },
    previewImport: async ({ fileName, data }): Promise<ImportPreview> => {
      if (!o.imports) throw new UserFacingError(NO_IMPORT);
      dropWaitingText();
      mkdirSync(o.imports.userDir, { recursive: true });
      const dir = mkdtempSync(join(o.imports.userDir, '.xem-'));
      const file = join(dir, safeName(fileName));
      writeFileSync(file, Buffer.from(data, 'base64'));
      // replace: true — the dry run says what it would replace; the user decides at confirm.
      const s = await importTexts([file], () => {}, { ...o.imports, kbPath: o.place.target, dryRun: true, replace: true });
      const seen = s.recognised[0];
      const reason = s.rejected[0]?.reason ?? s.failed ?? (s.unchanged[0] ? `Văn bản ${s.unchanged[0].document} này đã được nạp đúng như vậy; không có gì thay đổi.` : null);
      if (!seen || reason) {
        rmSync(dir, { recursive: true, force: true });
        return { ok: false, fileName, reason: (reason ?? 'Không nhận ra văn bản.').replaceAll(file, fileName) };
      }
      const token = randomBytes(16).toString('hex');
      waitingText = { token, dir, file, replaces: seen.replaces };
      const { file: _f, kind: _k, ...rest } = seen;
      return { ok: true, token, fileName, ...rest, kindLabel: ACT_KIND_LABELS[seen.kind] };
    },
    confirmImport: async ({ token, replace }) => {
      if (!o.imports) throw new UserFacingError(NO_IMPORT);
      const w = waitingText;
      if (!w || w.token !== token) throw new UserFacingError('Văn bản chưa được xem trước hoặc đã quá hạn; hãy chọn lại tệp.');
      if (w.replaces && !replace) throw new UserFacingError(`Văn bản này sẽ thay cho ${w.replaces}; hãy chọn "Thay thế" để nạp.`);
      try {
        const s = await importTexts([w.file], () => {}, { ...o.imports, kbPath: o.place.target, replace });
        const kept = s.imported[0];
        if (!kept) {
          const why = (s.failed ?? s.rejected[0]?.reason ?? 'Không có gì được nạp.').replaceAll(w.file, 'tệp đã chọn');
          return { kept: false, message: why, status: status() };
        }
        reload();
        const message = `Đã nạp ${kept.document} (${kept.provisions} điều, khoản, điểm; cơ sở dữ liệu có ${s.records ?? 0} bản ghi)${kept.replaces ? `, thay cho ${kept.replaces}` : ''}.`;
        return { kept: true, message, status: status() };
      } finally {
        dropWaitingText();
      }
    },
  };
}

/** Where the data screens are not offered (tests of the transport, tools): each request says why. */
export function unavailableDataHandlers(): DataHandlers {
  const no = (): never => {
    throw new UserFacingError('Cập nhật và nạp dữ liệu không dùng được ở chế độ này.');
  };
  return { dataStatus: no, checkPack: no, installPack: no, restorePreviousData: no, previewImport: no, confirmImport: no };
}

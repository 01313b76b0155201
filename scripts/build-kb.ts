/** `npm run build:kb [-- --force]`: data/ (+ decree texts when present) → build/kb.sqlite. */
import { ensureKb } from '../electron/core/kb/ensure';

const force = process.argv.includes('--force');
ensureKb({ force, log: (m) => console.error(m) })
  .then((r) => {
    if (r.report) for (const w of r.report.warnings) console.error(`Cảnh báo: ${w}`);
    console.error(r.rebuilt ? `Đã dựng ${r.kbPath}` : `Cơ sở dữ liệu đã cập nhật: ${r.kbPath}`);
  })
  .catch((err: Error) => {
    console.error(`Không dựng được cơ sở dữ liệu: ${err.message}`);
    process.exit(1);
  });

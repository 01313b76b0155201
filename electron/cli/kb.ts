/**
 * `npm run --silent kb -- <command>`: the knowledge base from the terminal,
 * over the same core as the app. JSON goes to stdout, progress to stderr.
 */
import { createInterface } from 'node:readline';
import { ensureKb } from '../core/kb/ensure';
import type { KnowledgeBase } from '../core/kb/open';
import { validateArgs } from '../api/validate';
import type { SearchHit } from '../api/contract';
import { coverageReport } from '../core/kb/coverage-report';
import { formatCoverageTable } from './coverage-table';
import { importExitCode, importTexts } from '../core/kb/import-texts';
import { openVerifiedKb, KbIntegrityError } from '../core/kb/manifest';
import { cmdKeygen, cmdPack, cmdRestore, cmdUpdate, DataRefusal } from './kb-data';

const USAGE = `Cách dùng: npm run --silent kb -- <lệnh>
  search "<từ khóa>" [--json] [--limit N] [--date YYYY-MM-DD] [--province "Lào Cai"]
                                             tìm kiếm (theo ngày, mặc định hôm nay; theo tỉnh nếu chọn)
  search --stdin --json [--limit N]          mỗi dòng vào là một truy vấn, mỗi dòng ra là một kết quả JSON
  stats [--json] [--date YYYY-MM-DD]         số văn bản, bản ghi theo lĩnh vực, cấp và hiệu lực trong ngày
  coverage [--json]                          độ phủ trích xuất của từng nghị định
  crosscheck [--json]                        đối chiếu cơ sở dữ liệu quốc gia về thủ tục với sổ đăng ký thẩm quyền
  import <tệp hoặc thư mục> [--replace]      nạp văn bản chính thức (.txt, .docx) và dựng lại; --replace để thay
         [--dry-run]                         văn bản đã có của cùng nghị định; --dry-run: chỉ đọc và dựng thử, cho biết
                                             nhận ra gì, không giữ gì. Mã thoát: 0 đã nạp, 2 từ chối, 1 lỗi
  build [--force]                            dựng lại cơ sở dữ liệu tri thức
  pack --out <tệp> [--key <khóa riêng .pem>] đóng gói dữ liệu đã ký (Ed25519) để phát hành
  update <tệp gói> [--pubkey <tệp .pem>]     kiểm tra chữ ký, mã kiểm tra, phiên bản rồi cài gói dữ liệu; giữ bản trước
  restore                                    dùng lại bản dữ liệu tốt trước đó
  keygen --out <thư mục>                     tạo cặp khóa ký gói dữ liệu`;

const log = (m: string) => process.stderr.write(`${m}\n`);

interface Flags {
  json: boolean;
  stdin: boolean;
  force: boolean;
  replace: boolean;
  dryRun: boolean;
  out: string | undefined;
  key: string | undefined;
  pubkey: string | undefined;
  limit: number | undefined;
  date: string | undefined;
  province: string | undefined;
  positional: string[];
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { json: false, stdin: false, force: false, replace: false, dryRun: false, out: undefined, key: undefined, pubkey: undefined, limit: undefined, date: undefined, province: undefined, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') flags.json = true;
    else if (a === '--stdin') flags.stdin = true;
    else if (a === '--force') flags.force = true;
    else if (a === '--replace') flags.replace = true;
    else if (a === '--dry-run') flags.dryRun = true;
    else if (a === '--out' || a === '--key' || a === '--pubkey') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new UsageError(`${a} cần một đường dẫn tệp.`);
      flags[a.slice(2) as 'out' | 'key' | 'pubkey'] = v;
    }
    else if (a === '--limit') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--limit cần một số nguyên dương.');
      flags.limit = n;
    } else if (a === '--date') {
      const d = argv[++i];
      if (!d || !/^\d{4}-\d{2}-\d{2}$/u.test(d)) throw new UsageError('--date cần một ngày dạng năm-tháng-ngày, ví dụ 2026-02-01.');
      flags.date = d;
    } else if (a === '--province') {
      const p = argv[++i];
      if (!p || p.startsWith('--')) throw new UsageError('--province cần tên tỉnh, ví dụ "Lào Cai".');
      flags.province = p;
    } else if (a.startsWith('--')) throw new UsageError(`Tùy chọn không rõ: ${a}`);
    else flags.positional.push(a);
  }
  return flags;
}

class UsageError extends Error {}

/** The CLI's result shape: the hit, with the citation trimmed to what scripts need. */
function cliHit(h: SearchHit) {
  return {
    id: h.id,
    // 'portal': a national procedure record no power carries out, its own labelled row (details in `portal`).
    kind: h.kind ?? 'power',
    ...(h.portal ? { portal: h.portal } : {}),
    title: h.title,
    holder: h.holder,
    level: h.level,
    holderKind: h.holderKind,
    role: h.role,
    mechanism: h.mechanism,
    sector: h.sector,
    formerHolder: h.formerHolder,
    citation: { document: h.citation.document, article: h.citation.article, clause: h.citation.clause, point: h.citation.point, annex: h.citation.annex },
    citationText: h.citationText,
    sourceStatus: h.sourceStatus,
    score: h.score,
    act: h.act,
    province: h.province,
    status: h.status,
    supersedes: h.supersedes,
    supersededBy: h.supersededBy,
    delegation: h.delegation,
    caution: h.caution,
    timeLimit: h.timeLimit,
    timeLimitSource: h.timeLimitSource,
    confidence: h.confidence,
    confidenceReason: h.confidenceReason,
    // One answer per power: its procedures (annex records folded in, linked national records), matched first.
    procedures: h.procedures ?? [],
    proceduresMore: h.proceduresMore ?? 0,
    // One answer per provision: every holder of the clause by role, the deciding one first.
    roles: h.roles ?? [],
  };
}

/** The JSON answer to one query: what a script needs to trust it (day, province, missing decrees, notice). */
function answerJson(query: string, result: ReturnType<KnowledgeBase['search']>) {
  return {
    query,
    date: result.date,
    province: result.province ?? null,
    tookMs: result.tookMs,
    outOfCoverage: result.outOfCoverage ?? [],
    notice: result.notice ?? null,
    suggestion: result.suggestion ?? null,
    results: result.hits.map(cliHit),
  };
}

function runQuery(kb: KnowledgeBase, q: string, flags: Flags) {
  const { limit, date, province } = flags;
  const checked = validateArgs('search', { q, ...(limit ? { limit } : {}), ...(date ? { date } : {}), ...(province ? { province } : {}) });
  if (!checked.ok) throw new UsageError(checked.message);
  return kb.search(checked.value);
}

async function openKb(): Promise<KnowledgeBase> {
  const { kbPath } = await ensureKb({ log });
  return openVerifiedKb({ kbPath, log }); // refuses a KB that does not match its manifest
}

async function cmdSearch(flags: Flags): Promise<void> {
  const kb = await openKb();
  if (flags.stdin) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of rl) {
      if (line.trim() === '') continue;
      const result = runQuery(kb, line, flags);
      process.stdout.write(
        `${JSON.stringify(answerJson(line, result))}\n`,
      );
    }
    return;
  }
  const q = flags.positional.join(' ');
  if (!q.trim()) throw new UsageError('Hãy nhập từ khóa tìm kiếm.');
  const result = runQuery(kb, q, flags);
  // A decree without text would hold the answer: said first, on stderr (stdout stays the array of hits).
  for (const o of result.outOfCoverage ?? []) log(`Nghị định ${o.number} (${o.sector}): chưa có văn bản. ${o.reason}`);
  if (result.outOfCoverage?.length) log('Nhập văn bản: kb import <tệp .docx hoặc .txt>.');
  if (result.notice) log(result.notice);
  if (flags.json) {
    // One answer object, as each line of --stdin: the decrees without text that would hold the
    // topic come with the hits, not only on stderr (issue 9).
    process.stdout.write(`${JSON.stringify(answerJson(q, result), null, 2)}\n`);
    return;
  }
  console.log(`Ngày tra cứu: ${result.date}${result.province ? ` — ${result.province}` : ''}`);
  if (result.suggestion) console.log(`Có phải bạn muốn tìm: ${result.suggestion}`);
  if (result.hits.length === 0) console.log('Không tìm thấy kết quả.');
  for (const [i, h] of result.hits.entries()) {
    console.log(
      `${i + 1}. ${h.title}\n   ${h.holder} — ${h.citationText}\n   ${h.status.label}${h.timeLimit ? `\n   Thời hạn: ${h.timeLimit}${h.timeLimitSource ? ` (${h.timeLimitSource})` : ''}` : ''}${h.formerHolder ? `\n   Trước đây: ${h.formerHolder}` : ''}${h.delegation ? `\n   ${h.delegation.note}` : ''}`,
    );
  }
}

async function cmdStats(flags: Flags): Promise<void> {
  const stats = (await openKb()).stats(flags.date);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    return;
  }
  console.log(`Văn bản: ${stats.documents} (có toàn văn: ${stats.documentsWithText})\nBản ghi: ${stats.records}`);
  for (const [k, v] of Object.entries(stats.bySector)) console.log(`  ${k}: ${v}`);
  for (const [k, v] of Object.entries(stats.byLevel)) console.log(`  ${k}: ${v}`);
}

async function cmdCrosscheck(flags: Flags): Promise<void> {
  const report = (await openKb()).crosscheck();
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  console.log(
    `Cơ sở dữ liệu quốc gia về thủ tục hành chính, đối chiếu tại ngày ${report.date}: ${report.loaded} thủ tục; ${report.linked} gắn với thẩm quyền trong sổ đăng ký (${report.agree} khớp, ${report.disagree} không khớp); ${report.unmatched} dẫn nghị định có văn bản nhưng không tìm được thẩm quyền tương ứng.`,
  );
  for (const [d, n] of Object.entries(report.secondHand)) console.log(`  ${d}: ${n} thủ tục dẫn nghị định chưa có văn bản (nguồn thứ cấp)`);
  for (const x of report.disagreements) console.log(`- ${x.code} ${x.name}\n  ${x.reason}`);
}

async function cmdCoverage(flags: Flags): Promise<void> {
  const rows = await coverageReport(log);
  if (flags.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else console.log(formatCoverageTable(rows));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const flags = parseFlags(rest);
  switch (command) {
    case 'search':
      return cmdSearch(flags);
    case 'stats':
      return cmdStats(flags);
    case 'coverage':
      return cmdCoverage(flags);
    case 'crosscheck':
      return cmdCrosscheck(flags);
    case 'import': {
      if (flags.positional.length === 0) throw new UsageError('Hãy chỉ ra tệp hoặc thư mục cần nạp.');
      const summary = await importTexts(flags.positional, log, { replace: flags.replace, dryRun: flags.dryRun });
      for (const r of summary.recognised) {
        log(`${flags.dryRun ? 'Dựng thử (không giữ)' : 'Nhận ra'}: ${r.document} — ${r.kind}${r.changes.length ? ` (${r.changes.join(', ')})` : ''}, ${r.articles} điều, ${r.provisions} điều khoản, ${r.records} bản ghi${r.replaces ? `; thay cho ${r.replaces}` : ''}`);
      }
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      for (const r of summary.rejected) log(`Từ chối ${r.file}: ${r.reason}`);
      process.exitCode = importExitCode(summary);
      return;
    }
    case 'build': {
      const r = await ensureKb({ force: flags.force, log });
      log(r.rebuilt ? `Đã dựng: ${r.kbPath}` : `Đã cập nhật sẵn: ${r.kbPath}`);
      return;
    }
    case 'pack':
      return cmdPack(flags.out, flags.key, log);
    case 'update':
      return cmdUpdate(flags.positional[0], flags.pubkey, log);
    case 'restore':
      return cmdRestore(log);
    case 'keygen':
      return cmdKeygen(flags.out, log);
    default:
      throw new UsageError(command ? `Lệnh không rõ: ${command}\n${USAGE}` : USAGE);
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  const refused = err instanceof UsageError || err instanceof DataRefusal || err instanceof KbIntegrityError;
  log(refused ? err.message : `Lỗi: ${err.message}`);
  process.exit(refused ? 2 : 1);
});

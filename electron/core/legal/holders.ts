/**
 * The bodies a decree can name as holder of a task, recognised in the matching
 * form of a sentence. The holder string is kept exactly as the decree writes it;
 * level and kind are derived from the words, never guessed from position.
 */
import type { HolderKind, Level } from '../model';
import { fold } from '../text/normalize';

const LEVEL = '(?:cấp xã|cấp tỉnh|cấp huyện)';
/** Ministries and provincial departments share most names; each list adds its own. */
const SECTOR_NAMES = [
  'Tư pháp',
  'Tài chính',
  'Xây dựng',
  'Nội vụ',
  'Công Thương',
  'Nông nghiệp và Môi trường',
  'Y tế',
  'Khoa học và Công nghệ',
  'Giáo dục và Đào tạo',
  'Văn hóa, Thể thao và Du lịch',
  'Dân tộc và Tôn giáo',
];
const MINISTRIES = [...SECTOR_NAMES, 'Quốc phòng', 'Công an', 'Ngoại giao'].join('|');
const DEPARTMENTS = [...SECTOR_NAMES, 'Văn hóa và Thể thao', 'Du lịch', 'Ngoại vụ'].join('|');

/** Longest names first so "Chủ tịch Ủy ban nhân dân cấp xã" wins over "Ủy ban nhân dân cấp xã". */
const HOLDER_SOURCES = [
  `Chủ tịch, Phó Chủ tịch Ủy ban nhân dân ${LEVEL}`,
  // 151 Phụ lục I Phần II mục I, II: "Chủ tịch Ủy ban nhân dân cấp tỉnh/xã … ban hành quyết định thu hồi đất" — either level, by the
  // case (casesOf), never the province alone.
  `Chủ tịch Ủy ban nhân dân cấp tỉnh/xã`,
  `[Cc]ơ quan có chức năng quản lý đất đai cấp tỉnh/xã`,
  `Chủ tịch Ủy ban nhân dân ${LEVEL}`,
  // 151 Phụ lục I (Phần III mục I–IV, VI; Phần IV, VII, VIII): the chairman of the level the case belongs to (casesOf).
  `Chủ tịch Ủy ban nhân dân cấp có thẩm quyền`,
  `(?:Chủ tịch )?Ủy ban nhân dân (?:tỉnh|huyện)(?![\\p{L}])`,
  `Giám đốc Sở (?:${DEPARTMENTS})`,
  // "Cơ quan, đơn vị quản lý người có công thuộc Bộ Quốc phòng, Bộ Công an": one composite body. So is "Cơ quan chuyên môn về
  // xây dựng thuộc Bộ Quốc phòng, Bộ Công an" (207/2026 Điều 26 khoản 2 điểm đ, sample R 13), never the second ministry itself.
  `[Cc]ơ quan(?:, đơn vị)? [^,.;:()]{2,60}? (?:trực thuộc|thuộc) Bộ (?:${MINISTRIES}), Bộ (?:${MINISTRIES})`,
  `[Cc]ơ quan [^,.;:()]{2,40}? (?:trực thuộc|thuộc) (?:Bộ (?:${MINISTRIES})|bộ quản lý công trình xây dựng chuyên ngành)`,
  `Chủ tịch Hội đồng nhân dân ${LEVEL}`,
  `Thường trực Hội đồng nhân dân ${LEVEL}`,
  `[Cc]ơ quan chuyên môn (?:thực hiện nhiệm vụ |quản lý )?(?:về [^,.;:()]{1,40}? )?(?:thuộc|của|trực thuộc) Ủy ban nhân dân ${LEVEL}`,
  `[Cc]ơ quan chuyên môn có chức năng quản lý [^,.;:()]{1,40}? (?:thuộc|của|trực thuộc) Ủy ban nhân dân ${LEVEL}`,
  `[Cc]ơ quan chuyên môn(?: hoặc tổ chức hành chính)? được Ủy ban nhân dân ${LEVEL} giao`,
  `[Cc]ơ quan (?:được giao|có chức năng) [^,.;:()]{1,60}? (?:thuộc|của) Ủy ban nhân dân ${LEVEL}`,
  `[Cc]ơ quan đăng ký (?:kinh doanh|đầu tư|hộ tịch) ${LEVEL}`,
  `Đảng ủy ${LEVEL}`,
  // 151 Điều 16 khoản 2: the land registry and its branches, one provincial body (they sit under the provincial department);
  // 49/2026 Điều 14 khoản 2 điểm c: the registry alone issues the certificate in the other cases.
  `Văn phòng đăng ký đất đai(?:, Chi nhánh Văn phòng đăng ký đất đai)?`,
  // 151 Điều 16 khoản 3: "Đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân cấp xã được thực hiện các nhiệm vụ …".
  `Đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân ${LEVEL}`,
  `Ủy ban nhân dân ${LEVEL}`,
  `Hội đồng nhân dân ${LEVEL}`,
  `Trưởng [Cc]ông an ${LEVEL}`,
  `[Cc]ông an ${LEVEL}`,
  `Cục (?:Hàng hải và Đường thủy Việt Nam|Đăng kiểm Việt Nam|Đường bộ Việt Nam|Hàng không Việt Nam|Đường sắt Việt Nam|Kinh tế - Quản lý đầu tư xây dựng|Giám định nhà nước về chất lượng công trình xây dựng|Quản lý nhà và thị trường bất động sản|Quản lý hoạt động xây dựng|Phát triển đô thị)`,
  `Cảng vụ (?:Hàng hải|Hàng không|Đường thủy nội địa)`,
  `(?:các )?[Bb]ộ quản lý công trình xây dựng chuyên ngành`,
  `Bộ, cơ quan ngang [Bb]ộ`,
  // 151 Phụ lục I Phần VII mục V: the file goes "đến cơ quan có chức năng quản lý đất đai cấp có thẩm quyền", the land agency of
  // the level whose chairman approves (casesOf), as "Chủ tịch Ủy ban nhân dân cấp có thẩm quyền".
  `[Cc]ơ quan có chức năng quản lý đất đai cấp có thẩm quyền`,
  `[Cc]ơ quan có chức năng quản lý (?:đất đai|nhà ở|xây dựng|[^,.;:()]{1,30}?) ${LEVEL}`,
  `[Cc]ơ quan quản lý (?:nhà ở|đất đai|xây dựng|nhà nước về [^,.;:()]{1,30}?) ${LEVEL}`,
  `Bộ trưởng Bộ (?:${MINISTRIES})`,
  `Bộ trưởng, Thủ trưởng cơ quan ngang bộ`,
  `Bộ trưởng, Thủ trưởng cơ quan trung ương`,
  // 140 Điều 6 khoản 1: "do Người đứng đầu cơ quan trung ương, Ủy ban nhân dân cấp tỉnh thực hiện".
  `Người đứng đầu cơ quan trung ương`,
  `[Cc]hính quyền (?:địa phương )?${LEVEL}`,
  `Bộ (?:${MINISTRIES})`,
  `Sở (?:${DEPARTMENTS})`,
  `Thủ tướng Chính phủ`,
  // 129 Phụ lục I mục VII khoản 4: "… trình Thủ tướng Chính phủ đề nghị Chủ tịch nước xem xét, quyết định tặng … «Bà mẹ Việt Nam anh
  // hùng»": the President decides state honours.
  `Chủ tịch nước`,
  `Chính phủ`,
  `Phòng (?:Tư pháp|Tài chính - Kế hoạch|Tài chính – Kế hoạch|Kinh tế|Quản lý đô thị|Kinh tế, Hạ tầng và Đô thị|Nội vụ|Văn hóa và Thông tin|Nông nghiệp và Môi trường|Tài nguyên và Môi trường|Lao động - Thương binh và Xã hội|Y tế|Giáo dục và Đào tạo)(?: ${LEVEL})?`,
  `Trưởng phòng [A-ZĐ][^,.;:()]{1,30}? ${LEVEL}`,
  `Kho bạc Nhà nước`,
  `Ngân hàng Nhà nước Việt Nam`,
  // A body fixed by the housing's owner, not by a level (casesOf); "… là Ủy ban nhân dân cấp tỉnh" names the body itself.
  // 140 Điều 9 khoản 1: "do Ủy ban nhân dân các cấp thực hiện" — every level holds it, one record each (casesOf).
  `Ủy ban nhân dân các cấp`,
  `(?:[Cc]ơ quan )?đại diện chủ sở hữu nhà ở(?!(?: thuộc tài sản công)? là )(?: thuộc tài sản công)?`,
];

export const HOLDER_RE = new RegExp(`(?:${HOLDER_SOURCES.join('|')})`, 'gu');

export interface HolderMention {
  holder: string;
  start: number;
  end: number;
}

/** Every holder named in a sentence (matching form), in order. */
export function holderMentions(s: string): HolderMention[] {
  const out: HolderMention[] = [];
  for (const m of s.matchAll(HOLDER_RE)) {
    const start = m.index ?? 0;
    // "Chính phủ" inside "Thủ tướng Chính phủ" or "Nghị định … của Chính phủ" is not a holder.
    if (m[0] === 'Chính phủ' && /(Thủ tướng|của|TM\.) $/u.test(s.slice(Math.max(0, start - 10), start))) continue;
    // "Văn phòng Chính phủ", "Văn phòng Chủ tịch nước" (129 Phụ lục I mục I: "Văn phòng Chính phủ … thực hiện theo trách nhiệm …")
    // are offices, not the Government or the President.
    if ((m[0] === 'Chính phủ' || m[0] === 'Chủ tịch nước') && /Văn phòng $/u.test(s.slice(Math.max(0, start - 10), start))) continue;
    out.push({ holder: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** One of the bodies a holder fixed by case may be, with the case that makes it so. */
export interface HolderCase {
  level: Level;
  kind: HolderKind;
  /** The name the record id is made from ("đại diện chủ sở hữu cấp tỉnh"): one id per case. */
  idName: string;
  /** The case, said after the task: "(đại diện chủ sở hữu là Ủy ban nhân dân cấp tỉnh)". */
  note: string;
}

/**
 * "Đại diện chủ sở hữu nhà ở thuộc tài sản công" (144 Điều 5 khoản 4, 5; Điều 20, 21, 24) is a bộ or cơ quan trung
 * ương for the housing it manages, or the provincial committee (named so in 140 Điều 9 khoản 2, both after khoản 1
 * Điều 15 Luật Nhà ở 2023). One record per case, each titled with its case: a clerk finds the task at either level.
 */
const CASE_HOLDERS: Array<[RegExp, HolderCase[]]> = [
  // "Chủ tịch Ủy ban nhân dân cấp có thẩm quyền xem xét ban hành quyết định giao đất …" (151 Phụ lục I): the text leaves
  // the level to the case — the chairman of the province or of the commune, whichever decides it (151 Điều 5, 9).
  [
    /^Chủ tịch Ủy ban nhân dân cấp có thẩm quyền$/u,
    [
      { level: 'tinh', kind: 'chu-tich-ubnd', idName: 'Chủ tịch Ủy ban nhân dân có thẩm quyền cấp tỉnh', note: 'Chủ tịch UBND cấp tỉnh khi thuộc thẩm quyền cấp tỉnh' },
      { level: 'xa', kind: 'chu-tich-ubnd', idName: 'Chủ tịch Ủy ban nhân dân có thẩm quyền cấp xã', note: 'Chủ tịch UBND cấp xã khi thuộc thẩm quyền cấp xã' },
    ],
  ],
  [
    /^[Cc]ơ quan có chức năng quản lý đất đai cấp có thẩm quyền$/u,
    [
      { level: 'tinh', kind: 'co-quan-chuyen-mon', idName: 'Cơ quan có chức năng quản lý đất đai có thẩm quyền cấp tỉnh', note: 'cơ quan cấp tỉnh khi thuộc thẩm quyền cấp tỉnh' },
      { level: 'xa', kind: 'co-quan-chuyen-mon', idName: 'Cơ quan có chức năng quản lý đất đai có thẩm quyền cấp xã', note: 'cơ quan cấp xã khi thuộc thẩm quyền cấp xã' },
    ],
  ],
  [
    /^Chủ tịch Ủy ban nhân dân cấp tỉnh\/xã$/u,
    [
      { level: 'tinh', kind: 'chu-tich-ubnd', idName: 'Chủ tịch Ủy ban nhân dân cấp tỉnh', note: 'cấp tỉnh' },
      { level: 'xa', kind: 'chu-tich-ubnd', idName: 'Chủ tịch Ủy ban nhân dân cấp xã', note: 'cấp xã' },
    ],
  ],
  [
    /^[Cc]ơ quan có chức năng quản lý đất đai cấp tỉnh\/xã$/u,
    [
      { level: 'tinh', kind: 'co-quan-chuyen-mon', idName: 'Cơ quan có chức năng quản lý đất đai cấp tỉnh', note: 'cấp tỉnh' },
      { level: 'xa', kind: 'co-quan-chuyen-mon', idName: 'Cơ quan có chức năng quản lý đất đai cấp xã', note: 'cấp xã' },
    ],
  ],
  [
    /^Ủy ban nhân dân các cấp$/u,
    [
      { level: 'tinh', kind: 'ubnd', idName: 'Ủy ban nhân dân cấp tỉnh', note: 'cấp tỉnh' },
      { level: 'xa', kind: 'ubnd', idName: 'Ủy ban nhân dân cấp xã', note: 'cấp xã' },
    ],
  ],
  [
    /^(?:cơ quan )?đại diện chủ sở hữu nhà ở/iu,
    [
      { level: 'trung-uong', kind: 'bo', idName: 'đại diện chủ sở hữu trung ương', note: 'đại diện chủ sở hữu là bộ, cơ quan trung ương' },
      { level: 'tinh', kind: 'ubnd', idName: 'đại diện chủ sở hữu cấp tỉnh', note: 'đại diện chủ sở hữu là Ủy ban nhân dân cấp tỉnh' },
    ],
  ],
];

/** The bodies a holder fixed by case (or held at every level) may be, or null for a body of one level. */
export function casesOf(holder: string): HolderCase[] | null {
  return CASE_HOLDERS.find(([re]) => re.test(holder))?.[1] ?? null;
}

/**
 * Level of a body, or null for district bodies (abolished) and unknowns. A holder fixed by case (casesOf) reports
 * its first case's level, so the readers treat it as a body of a level; its records take each case's own.
 */
export function levelOf(holder: string): Level | 'huyen' | null {
  const cases = casesOf(holder);
  if (cases) return cases[0]!.level;
  const f = fold(holder);
  if (/cap huyen|uy ban nhan dan huyen$|^phong |^truong phong /u.test(f)) return 'huyen';
  if (/thuoc (?:bo |bo quan ly)/u.test(f)) return 'trung-uong';
  if (/cap xa/u.test(f)) return 'xa';
  if (/cap tinh|uy ban nhan dan tinh$|^so |^giam doc so /u.test(f)) return 'tinh';
  if (/^(bo |bo, |bo truong|cac bo |thu tuong|chinh phu$|chu tich nuoc$|kho bac|ngan hang nha nuoc|cuc |cang vu |nguoi dung dau co quan trung uong)/u.test(f)) return 'trung-uong';
  if (/^van phong dang k[iy] dat dai/u.test(f)) return 'tinh';
  return null;
}

export function kindOf(holder: string): HolderKind {
  const f = fold(holder);
  if (/^(?:pho )?chu tich(?:, pho chu tich)? uy ban/u.test(f)) return 'chu-tich-ubnd';
  if (/^uy ban nhan dan/u.test(f)) return 'ubnd';
  if (/hoi dong nhan dan/u.test(f)) return 'hdnd';
  if (/^(co quan|so |phong |truong phong|giam doc so )/u.test(f)) return 'co-quan-chuyen-mon';
  if (/^(bo |bo, |bo truong|cac bo |thu tuong|chinh phu|cuc |nguoi dung dau co quan trung uong)/u.test(f)) return 'bo';
  return 'khac';
}

/** Short stable slug for ids: "Chủ tịch Ủy ban nhân dân cấp xã" → "ct-ubnd-xa". */
export function holderSlug(holder: string): string {
  let f = fold(holder);
  f = f
    .replace(/chu tich uy ban nhan dan/g, 'ct ubnd')
    .replace(/uy ban nhan dan/g, 'ubnd')
    .replace(/hoi dong nhan dan/g, 'hdnd')
    .replace(/co quan chuyen mon/g, 'cqcm')
    .replace(/bo truong/g, 'bt')
    .replace(/thu tuong chinh phu/g, 'ttg')
    .replace(/\bcap /g, '');
  return f
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
}

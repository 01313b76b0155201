/**
 * How a hit's confidence reads on screen. A confident answer and a near miss never look alike:
 * 'high' is an answer ("Khớp câu hỏi"); 'medium' and 'low' say "Gần đúng — kiểm tra lại" first, with why.
 * The label is said once: the engine's reason may open with "Gần đúng — " or end with "kiểm tra lại"
 * (its CLI prints the reason alone), which the label already says on screen.
 */
import type { SearchHit } from '../../../electron/api/contract';

export interface ConfidenceView {
  /** Not to be read as the answer: shown muted, with the warning first. */
  near: boolean;
  label: string;
  reason: string;
}

export const NEAR_LABEL = 'Gần đúng — kiểm tra lại';

/** The reason without what the label says ("Gần đúng — không có từ: x. Kiểm tra lại trước khi dùng." → "Không có từ: x."). */
export function nearReason(reason: string): string {
  const r = reason
    .replace(/^\s*Gần đúng\s*[—–-]\s*/u, '')
    .replace(/\s*Kiểm tra lại trước khi dùng\.?/gu, '')
    .replace(/\s*[—–-]\s*kiểm tra lại(?=[.;]|$)/gu, '')
    .replace(/\s{2,}/gu, ' ')
    .trim();
  return r.charAt(0).toUpperCase() + r.slice(1);
}

export function confidenceView(hit: Pick<SearchHit, 'confidence' | 'confidenceReason'>): ConfidenceView {
  if (hit.confidence === 'high') return { near: false, label: 'Khớp câu hỏi', reason: hit.confidenceReason };
  const said = nearReason(hit.confidenceReason ?? '');
  return {
    near: true,
    label: NEAR_LABEL,
    reason: said || (hit.confidence === 'low' ? 'Thiếu từ quan trọng của câu hỏi.' : 'Chỉ khớp khi bỏ dấu.'),
  };
}

/**
 * How a hit's confidence reads on screen. A confident answer and a near miss never look alike:
 * 'high' is an answer ("Khớp câu hỏi"); 'medium' and 'low' say "Gần đúng — kiểm tra lại" first, with why.
 */
import type { SearchHit } from '../../../electron/api/contract';

export interface ConfidenceView {
  /** Not to be read as the answer: shown muted, with the warning first. */
  near: boolean;
  label: string;
  reason: string;
}

export function confidenceView(hit: Pick<SearchHit, 'confidence' | 'confidenceReason'>): ConfidenceView {
  if (hit.confidence === 'high') return { near: false, label: 'Khớp câu hỏi', reason: hit.confidenceReason };
  return {
    near: true,
    label: 'Gần đúng — kiểm tra lại',
    reason: hit.confidenceReason || (hit.confidence === 'low' ? 'Thiếu từ quan trọng của câu hỏi.' : 'Chỉ khớp khi bỏ dấu.'),
  };
}

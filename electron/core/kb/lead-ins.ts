import type { Provision } from '../model';
import { citationKey, type LegalNode, type ParsedDecree } from '../legal/structure';

/**
 * A point read alone can hide who acts: "m) Phê duyệt quyết toán …" only makes
 * sense under "4. … do Chủ tịch Ủy ban nhân dân cấp tỉnh thực hiện, bao gồm:".
 * Each provision gets the lead-ins of the units above it.
 */
export function withLeadIns(parsed: ParsedDecree): Provision[] {
  const leadIns = new Map<string, string[]>();
  const walk = (nodes: LegalNode[], above: string[]) => {
    for (const n of nodes) {
      leadIns.set(citationKey(n.citation), above);
      const own = n.ownText.trim();
      walk(n.children, own ? [...above, own] : above);
    }
  };
  walk(parsed.articles, []);
  walk(parsed.annexes, []);
  return parsed.provisions.map((p) => ({ ...p, leadIn: leadIns.get(citationKey(p.citation)) ?? [] }));
}

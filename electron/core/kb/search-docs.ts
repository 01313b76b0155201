import type { AuthorityRecord, DocumentInfo, Provision } from '../model';
import type { SearchDoc } from '../search/index';
import { citationKeyFallbacks } from './citation-key';

/** The provision a record cites, falling back from point to clause to article. */
export function provisionOf(record: AuthorityRecord, provisions: ReadonlyMap<string, Provision>): Provision | null {
  for (const key of citationKeyFallbacks(record.citation)) {
    const p = provisions.get(key);
    if (p) return p;
  }
  return null;
}

/**
 * Search documents in id order: the build and the load must produce the same list. `national` (the
 * national procedure database by code) names the linked procedures a hit shows under its power.
 */
export function toSearchDocs(
  records: Iterable<AuthorityRecord>,
  provisions: ReadonlyMap<string, Provision>,
  documents: ReadonlyMap<string, DocumentInfo>,
  national?: ReadonlyMap<string, { code: string; name: string }>,
): SearchDoc[] {
  return [...records]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((record) => {
      const provision = provisionOf(record, provisions);
      return {
        record,
        provisionText: provision?.text ?? null,
        documentTitle: documents.get(record.citation.document)?.title ?? '',
        // Article heading and the chapter / section / annex part above it: searched as a field.
        headings: provision ? [provision.heading ?? '', ...provision.path].filter(Boolean) : [],
        ...(national && record.nationalProcedures?.length
          ? {
              national: record.nationalProcedures
                .map((c) => national.get(c))
                .filter((p): p is { code: string; name: string } => !!p)
                .map((p) => ({ code: p.code, name: p.name })),
            }
          : {}),
      };
    });
}

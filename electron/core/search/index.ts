/** The search engine's public face: the KB build and the API call exactly these. */
export type { SearchDoc } from './fields';
export { SEARCH_INDEX_VERSION, MINISEARCH_OPTIONS } from './fields';
export type { SearchEngine } from './engine';
export { buildSearchIndex, serializeSearchIndex, loadSearchIndex } from './engine';
export { runSearch } from './run';

/**
 * Schema of the knowledge-base file. It is rebuilt, never migrated: the builder
 * writes a fresh file and the app opens it read-only. Bump KB_SCHEMA_VERSION on change.
 */
export const KB_SCHEMA_VERSION = 5;

export const KB_SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sectors (id TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE fields (sector TEXT NOT NULL REFERENCES sectors(id), name TEXT NOT NULL, PRIMARY KEY (sector, name));
CREATE TABLE documents (
  number TEXT PRIMARY KEY,
  sector TEXT NOT NULL REFERENCES sectors(id),
  kind TEXT NOT NULL,
  text_loaded INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE provisions (
  key TEXT PRIMARY KEY,
  document TEXT NOT NULL REFERENCES documents(number),
  article INTEGER,
  clause INTEGER,
  point TEXT,
  annex TEXT,
  path TEXT NOT NULL,
  heading TEXT,
  lead_in TEXT NOT NULL,
  text TEXT NOT NULL,
  versions TEXT NOT NULL
);
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  document TEXT NOT NULL REFERENCES documents(number),
  article INTEGER,
  clause INTEGER,
  point TEXT,
  annex TEXT,
  title TEXT NOT NULL,
  holder TEXT NOT NULL,
  level TEXT NOT NULL,
  holder_kind TEXT NOT NULL,
  role TEXT NOT NULL,
  former_holder TEXT,
  mechanism TEXT NOT NULL,
  sector TEXT NOT NULL REFERENCES sectors(id),
  field TEXT,
  source_status TEXT NOT NULL,
  provision_key TEXT,
  json TEXT NOT NULL
);
CREATE TABLE procedure_records (
  id TEXT PRIMARY KEY,
  document TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE national_procedures (
  code TEXT PRIMARY KEY,
  record_id TEXT,
  json TEXT NOT NULL
);
CREATE INDEX records_by_document ON records (document, article, clause);
CREATE INDEX provisions_by_document ON provisions (document, article, clause);
`;

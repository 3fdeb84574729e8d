/**
 * The knowledge store's tables. One SQLite file holds documents, their chunks, the FTS5 index
 * and the plan's task records; the HNSW vector file beside it is named in `meta`.
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  id          TEXT PRIMARY KEY,           -- stable: front-matter id or path-derived slug
  source      TEXT NOT NULL,              -- path relative to the ingest root, for people
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL,              -- plan | lesson | faq | doc
  audience    TEXT NOT NULL DEFAULT '',   -- ',group-a,group-b,' (empty: everyone)
  level       INTEGER,                    -- 1..3 for lessons
  hash        TEXT NOT NULL,              -- sha256 of the file bytes
  meta        TEXT NOT NULL DEFAULT '{}', -- front-matter / properties as JSON
  ingested_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS chunks (
  id        INTEGER PRIMARY KEY,          -- also the FTS5 rowid and the HNSW label
  doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord       INTEGER NOT NULL,             -- position in the document
  ref       TEXT,                         -- plan task "3.1", lesson section, heading path
  heading   TEXT NOT NULL DEFAULT '',
  text      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  audience  TEXT NOT NULL DEFAULT '',
  level     INTEGER,
  embedding BLOB                          -- float32 vector, kept to rebuild the HNSW file
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id, ord);

-- Contentless: the text lives in chunks. Syllables and syllable pairs, accented and folded,
-- each in a column of its own so that bm25() can weigh them apart.
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
  acc, acc_pair, fold, fold_pair,
  content = '', contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_vocab USING fts5vocab(chunks_fts, 'row');

CREATE TRIGGER IF NOT EXISTS chunks_fts_delete AFTER DELETE ON chunks BEGIN
  DELETE FROM chunks_fts WHERE rowid = old.id;
END;

CREATE TABLE IF NOT EXISTS plan_tasks (
  id            TEXT PRIMARY KEY,         -- doc_id#ref
  doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ref           TEXT NOT NULL,            -- section order "." task number, e.g. "3.1"
  section_order INTEGER NOT NULL,
  section_label TEXT NOT NULL,            -- the number as the document shows it
  section_title TEXT NOT NULL,
  number        INTEGER NOT NULL,
  content       TEXT NOT NULL,
  lead          TEXT NOT NULL,
  support       TEXT NOT NULL,
  result        TEXT NOT NULL,
  timeframe     TEXT NOT NULL,
  chunk_id      INTEGER
);
CREATE INDEX IF NOT EXISTS plan_tasks_by_doc ON plan_tasks(doc_id);
`;

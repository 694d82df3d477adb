-- Names as written, accents kept (case is still folded), so that a search can put the people
-- whose names keep the accents typed before those found only by folding them away. Filled from
-- the names already indexed; the core keeps both indexes together from then on.
CREATE VIRTUAL TABLE search_index_accents USING fts5 (
    name,
    tokenize = "unicode61 remove_diacritics 0",
    prefix = '1 2 3'
);
INSERT INTO search_index_accents (rowid, name) SELECT rowid, name FROM search_index;

// Papers in id order after $after, those extracted by another version than
// $version (or all of them), with what re-ingesting them needs: the fields of
// src/ingest/reextract.ts's paper record, its own list rather than
// projections/paper (what reads return, which may gain fields ingest never takes).
MATCH (p:Paper)
WHERE ($after IS NULL OR p.id > $after)
  AND ($all OR p.extractorVersion IS NULL OR p.extractorVersion <> $version)
RETURN p {.id, .title, .abstract, .url, .authors, .arxivId, published: toString(p.published)} AS paper
ORDER BY p.id
LIMIT toInteger($limit)

// Papers without .abstract: Paper.abstract reads it (read/papers-by-ids) only when asked.
// Keyset page of all papers in title order, read in index order (no sort of
// every paper). $after is [sortKey, id] or null.
MATCH (p:Paper)
WHERE p.titleSort >= coalesce($after[0], '')
  AND ($after IS NULL OR p.titleSort > $after[0] OR p.id > $after[1])
RETURN p {.id, .title, .url, published: toString(p.published), .authors, .arxivId} AS paper, p.titleSort AS sortKey
ORDER BY p.titleSort ASC, p.id ASC
LIMIT toInteger($limit)

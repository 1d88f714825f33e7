// Keyset page of all papers in title order, read in index order (no sort of
// every paper). $after is [sortKey, id] or null.
MATCH (p:Paper)
WHERE p.titleSort >= coalesce($after[0], '')
  AND ($after IS NULL OR p.titleSort > $after[0] OR p.id > $after[1])
RETURN p {/* #include projections/paper(p) */} AS paper, p.titleSort AS sortKey
ORDER BY p.titleSort ASC, p.id ASC
LIMIT toInteger($limit)

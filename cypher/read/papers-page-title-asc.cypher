// Keyset page in title order. $after is [sortKey, id] or null.
// #include read/papers-filter
WITH p, p.titleSort AS sortKey
WHERE $after IS NULL OR sortKey > $after[0] OR (sortKey = $after[0] AND p.id > $after[1])
RETURN p {/* #include projections/paper(p) */} AS paper, sortKey
ORDER BY sortKey ASC, p.id ASC
LIMIT toInteger($limit)

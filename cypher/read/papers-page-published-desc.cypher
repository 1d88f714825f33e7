// Keyset page, newest first; papers without a date sort last. $after is the
// [sortKey, id] of the previous page's last row, or null.
// #include read/papers-filter
WITH p, coalesce(toString(p.published), '') AS sortKey
WHERE $after IS NULL OR sortKey < $after[0] OR (sortKey = $after[0] AND p.id > $after[1])
RETURN p {/* #include projections/paper(p) */} AS paper, sortKey
ORDER BY sortKey DESC, p.id ASC
LIMIT toInteger($limit)

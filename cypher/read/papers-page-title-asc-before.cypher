// read/papers-page-title-asc backward: the page just before $before
// ([sortKey, id]; null: the list's end), nearest first.
// #include read/papers-filter
WITH p, p.titleSort AS sortKey
WHERE $before IS NULL OR sortKey < $before[0] OR (sortKey = $before[0] AND p.id < $before[1])
RETURN p {/* #include projections/paper(p) */} AS paper, sortKey
ORDER BY sortKey DESC, p.id DESC
LIMIT toInteger($limit)

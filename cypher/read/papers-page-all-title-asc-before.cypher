// read/papers-page-all-title-asc backward: the page of all papers just before
// $before (the [sortKey, id] of the row it ends before; null: the list's end),
// nearest first, read in reverse index order.
MATCH (p:Paper)
WHERE p.titleSort >= '' AND ($before IS NULL OR p.titleSort <= $before[0])
  AND ($before IS NULL OR p.titleSort < $before[0] OR p.id < $before[1])
RETURN p {/* #include projections/paper(p) */} AS paper, p.titleSort AS sortKey
ORDER BY p.titleSort DESC, p.id DESC
LIMIT toInteger($limit)

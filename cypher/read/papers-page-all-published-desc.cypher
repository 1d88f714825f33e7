// Keyset page of all papers, newest first, read in published-index order (no
// sort of every paper); papers without a date come last and are read only
// once the dated ones run out. $after is [sortKey, id] or null; sortKey is the
// date as text, '' for no date.
CALL () {
  WITH 1 AS go WHERE $after IS NULL OR $after[0] <> ''
  WITH CASE WHEN $after IS NULL OR $after[0] = '' THEN date('9999-12-31') ELSE date($after[0]) END AS bound
  MATCH (p:Paper)
  WHERE p.published <= bound AND ($after IS NULL OR p.published < bound OR p.id > $after[1])
  WITH p
  ORDER BY p.published DESC, p.id ASC
  LIMIT toInteger($limit)
  RETURN collect({p: p, sortKey: toString(p.published)}) AS dated
}
CALL (dated) {
  WITH 1 AS go WHERE size(dated) < $limit
  MATCH (p:Paper)
  WHERE p.published IS NULL AND ($after IS NULL OR $after[0] <> '' OR p.id > $after[1])
  WITH p ORDER BY p.id ASC LIMIT toInteger($limit)
  RETURN collect({p: p, sortKey: ''}) AS undated
}
UNWIND (dated + undated)[0..toInteger($limit)] AS row
WITH row.p AS p, row.sortKey AS sortKey
RETURN p {/* #include projections/paper(p) */} AS paper, sortKey

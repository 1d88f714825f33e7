// read/papers-page-all-published-desc backward: the page of all papers just
// before $before ([sortKey, id]; null: the list's end), nearest first. The list
// ends with the undated papers (by id), so they are read first, then the dated
// ones oldest first, each in index order.
CALL () {
  WITH 1 AS go WHERE $before IS NULL OR $before[0] = ''
  MATCH (p:Paper)
  WHERE p.published IS NULL AND ($before IS NULL OR p.id < $before[1])
  WITH p ORDER BY p.id DESC LIMIT toInteger($limit)
  RETURN collect({p: p, sortKey: ''}) AS undated
}
CALL (undated) {
  WITH 1 AS go WHERE size(undated) < $limit
  WITH CASE WHEN $before IS NULL OR $before[0] = '' THEN date('0001-01-01') ELSE date($before[0]) END AS bound
  MATCH (p:Paper)
  WHERE p.published >= bound AND ($before IS NULL OR $before[0] = '' OR p.published > bound OR p.id < $before[1])
  WITH p
  ORDER BY p.published ASC, p.id DESC
  LIMIT toInteger($limit)
  RETURN collect({p: p, sortKey: toString(p.published)}) AS dated
}
UNWIND (undated + dated)[0..toInteger($limit)] AS row
WITH row.p AS p, row.sortKey AS sortKey
RETURN p {/* #include projections/paper(p) */} AS paper, sortKey

// The entity a name resolves to and one page of its papers, in one round trip
// (the entity page, and the paper list filtered by one entity). $keys are the
// name's keys to try in order (the first that names an entity wins), resolved
// as read/entities-by-keys does; the page is read/entity-papers'.
UNWIND range(0, size($keys) - 1) AS j
CALL (j) {
  MATCH (:Alias {key: $keys[j]})-[:NAMES]->(e:Entity)
  WHERE $type IS NULL OR e.type = $type
  RETURN e
  ORDER BY CASE WHEN e.key = $keys[j] THEN 0 ELSE 1 END, e.paperCount DESC, e.id
  LIMIT 1
}
WITH j, e
ORDER BY j
LIMIT 1
// #include read/entity-papers-page
WITH e, collect(CASE WHEN p IS NULL THEN null ELSE
  {paper: p {/* #include projections/paper(p) */}, sortKey: sortKey} END) AS rows
RETURN e {/* #include projections/entity */} AS entity, rows,
  CASE WHEN $role IS NULL THEN e.paperCount
       ELSE COUNT { (e)<-[r]-(:Paper) WHERE type(r) = $role } END AS total

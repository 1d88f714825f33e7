// Resolves names (already normalised to keys) through any alias or spelling.
// Exact canonical keys win over aliases, then the better-known entity.
UNWIND $refs AS ref
OPTIONAL CALL (ref) {
  MATCH (:Alias {key: ref.key})-[:NAMES]->(e:Entity)
  WHERE ref.type IS NULL OR e.type = ref.type
  RETURN e
  ORDER BY CASE WHEN e.key = ref.key THEN 0 ELSE 1 END, e.paperCount DESC, e.id
  LIMIT 1
}
RETURN ref.i AS i, e {/* #include projections/entity */} AS entity

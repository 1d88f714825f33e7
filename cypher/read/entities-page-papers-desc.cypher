// Keyset page by paper count (most papers first, ties by id). $after is
// [paperCount, id] or null. Without a full-text query the page is read in index
// order from the top (or the cursor) down: (type, paperCount) with a type,
// (paperCount) without; ordering by the type first (one value) lets the planner
// take the composite index's order. A page costs its entities plus the ties of
// its last count (large only among the many entities of one or two papers).
CALL () {
  WITH 1 AS go WHERE $query IS NULL AND $type IS NOT NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(type, paperCount)
  WHERE e.type = $type AND e.paperCount <= coalesce($after[0], 9007199254740991)
  // #include read/entities-after-papers
  WITH e ORDER BY e.type, e.paperCount DESC, e.id LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NULL AND $type IS NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(paperCount)
  WHERE e.paperCount <= coalesce($after[0], 9007199254740991)
  // #include read/entities-after-papers
  WITH e ORDER BY e.paperCount DESC, e.id LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NOT NULL
  // #include read/entities-matching
  // #include read/entities-after-papers
  RETURN e
}
RETURN e {/* #include projections/entity */} AS entity, e.paperCount AS sortKey
ORDER BY e.paperCount DESC, e.id ASC
LIMIT toInteger($limit)

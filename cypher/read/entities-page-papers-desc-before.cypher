// read/entities-page-papers-desc backward: the page just before $before
// ([paperCount, id]; null: the list's end, the least-used entities), nearest
// first, read in index order from the bottom (or the cursor) up.
CALL () {
  WITH 1 AS go WHERE $query IS NULL AND $type IS NOT NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(type, paperCount)
  WHERE e.type = $type AND e.paperCount >= coalesce($before[0], 0)
  // #include read/entities-before-papers
  WITH e ORDER BY e.type, e.paperCount ASC, e.id DESC LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NULL AND $type IS NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(paperCount)
  WHERE e.paperCount >= coalesce($before[0], 0)
  // #include read/entities-before-papers
  WITH e ORDER BY e.paperCount ASC, e.id DESC LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NOT NULL
  // #include read/entities-matching
  // #include read/entities-before-papers
  RETURN e
}
RETURN e {/* #include projections/entity */} AS entity, e.paperCount AS sortKey
ORDER BY e.paperCount ASC, e.id DESC
LIMIT toInteger($limit)

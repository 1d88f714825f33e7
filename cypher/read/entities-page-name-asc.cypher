// Keyset page by name (nameSort, ties by id). $after is [nameSort, id] or null.
// Without a full-text query the page is read in index order from the start (or
// the cursor) on: (type, nameSort) with a type, (nameSort) without.
CALL () {
  WITH 1 AS go WHERE $query IS NULL AND $type IS NOT NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(type, nameSort)
  WHERE e.type = $type AND e.nameSort >= coalesce($after[0], '')
  // #include read/entities-after-name
  WITH e ORDER BY e.type, e.nameSort, e.id LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NULL AND $type IS NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(nameSort)
  WHERE e.nameSort >= coalesce($after[0], '')
  // #include read/entities-after-name
  WITH e ORDER BY e.nameSort, e.id LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NOT NULL
  // #include read/entities-matching
  // #include read/entities-after-name
  RETURN e
}
RETURN e {/* #include projections/entity */} AS entity, e.nameSort AS sortKey
ORDER BY e.nameSort ASC, e.id ASC
LIMIT toInteger($limit)

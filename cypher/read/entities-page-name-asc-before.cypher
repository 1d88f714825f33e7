// read/entities-page-name-asc backward: the page just before $before
// ([nameSort, id]; null: the list's end), nearest first, read in index order
// from the cursor (or the end: every name sorts after '') back.
CALL () {
  WITH 1 AS go WHERE $query IS NULL AND $type IS NOT NULL AND $before IS NOT NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(type, nameSort)
  WHERE e.type = $type AND e.nameSort <= $before[0]
  // #include read/entities-before-name
  WITH e ORDER BY e.type DESC, e.nameSort DESC, e.id DESC LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NULL AND $type IS NOT NULL AND $before IS NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(type, nameSort)
  WHERE e.type = $type AND e.nameSort >= ''
  WITH e ORDER BY e.type DESC, e.nameSort DESC, e.id DESC LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NULL AND $type IS NULL AND $before IS NOT NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(nameSort)
  WHERE e.nameSort <= $before[0]
  // #include read/entities-before-name
  WITH e ORDER BY e.nameSort DESC, e.id DESC LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NULL AND $type IS NULL AND $before IS NULL
  MATCH (e:Entity) USING INDEX SEEK e:Entity(nameSort)
  WHERE e.nameSort >= ''
  WITH e ORDER BY e.nameSort DESC, e.id DESC LIMIT toInteger($limit)
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NOT NULL
  // #include read/entities-matching
  // #include read/entities-before-name
  RETURN e
}
RETURN e {/* #include projections/entity */} AS entity, e.nameSort AS sortKey
ORDER BY e.nameSort DESC, e.id DESC
LIMIT toInteger($limit)

// Fragment: entities of an optional type whose name or alias matches $query
// (a full-text query) when given. Expects $type, $query; yields e.
CALL (*) {
  WITH 1 AS go WHERE $query IS NULL
  MATCH (e:Entity) WHERE $type IS NULL OR e.type = $type
  RETURN e
  UNION
  WITH 1 AS go WHERE $query IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
  WHERE $type IS NULL OR node.type = $type
  RETURN node AS e
}

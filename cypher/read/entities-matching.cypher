// Fragment: entities of an optional type whose name or alias matches $query (a
// full-text query); yields e. Expects $type, $query (not null).
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
WITH node AS e WHERE ($type IS NULL OR e.type = $type)

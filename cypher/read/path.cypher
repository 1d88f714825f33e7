// Papers without .abstract: Paper.abstract reads it (read/papers-by-ids) only when asked.
// Shortest connection between two papers or entities over extracted links.
CALL () {
  MATCH (n:Paper {id: $from}) RETURN n UNION MATCH (n:Entity {id: $from}) RETURN n
}
WITH n AS a
CALL () {
  MATCH (n:Paper {id: $to}) RETURN n UNION MATCH (n:Entity {id: $to}) RETURN n
}
WITH a, n AS b
MATCH path = shortestPath((a)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS|VARIANT_OF*..4]-(b))
WHERE length(path) <= $maxHops
RETURN [x IN nodes(path) | CASE WHEN x:Paper
  THEN {kind: 'Paper', paper: x {.id, .title, .url, published: toString(x.published), .authors, .arxivId}}
  ELSE {kind: 'Entity', entity: x {.id, .type, .key, .name, .aliases, .paperCount}} END] AS nodes
LIMIT 1

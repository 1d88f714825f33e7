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
  THEN {kind: 'Paper', paper: x {/* #include projections/paper(x) */}}
  ELSE {kind: 'Entity', entity: x {/* #include projections/entity */}} END] AS nodes
LIMIT 1

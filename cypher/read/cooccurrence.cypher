// How many papers link a row entity and a column entity (e.g. method x dataset).
// With one type on both axes, each unordered pair appears once.
MATCH (r:Entity {type: $rows})<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
      -[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(c:Entity {type: $columns})
WHERE r <> c AND ($rows <> $columns OR r.id < c.id)
WITH r, c, count(DISTINCT p) AS papers
WHERE papers >= $minPapers
RETURN r {.id, .type, .key, .name, .aliases, .paperCount} AS row,
       c {.id, .type, .key, .name, .aliases, .paperCount} AS column, papers
ORDER BY papers DESC, row.id, column.id
LIMIT toInteger($limit)

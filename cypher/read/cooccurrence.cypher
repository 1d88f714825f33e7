// How many papers link a row entity and a column entity (e.g. method x dataset).
// With one type on both axes, each unordered pair appears once.
// A paper has at most one relationship to an entity (the write path merges one
// per paper and entity), so each (row, paper, column) path is one paper and
// count(*) equals count(DISTINCT p) without a distinct set per cell. Entity
// maps are built only for the cells returned, after ORDER BY ... LIMIT.
MATCH (r:Entity {type: $rows})<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
      -[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(c:Entity {type: $columns})
WHERE r <> c AND ($rows <> $columns OR r.id < c.id)
WITH r, c, count(*) AS papers
WHERE papers >= $minPapers
WITH r, c, papers
ORDER BY papers DESC, r.id, c.id
LIMIT toInteger($limit)
RETURN r {.id, .type, .key, .name, .aliases, .paperCount} AS row,
       c {.id, .type, .key, .name, .aliases, .paperCount} AS column, papers

// read/cooccurrence from a cursor: the cells after $after, the [papers, row id,
// column id] of the last cell of the previous page, in the table's order. A
// separate statement: the keyset test slows the first page's aggregation.
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
  AND (papers < $after[0] OR (papers = $after[0] AND (r.id > $after[1] OR (r.id = $after[1] AND c.id > $after[2]))))
WITH r, c, papers
ORDER BY papers DESC, r.id, c.id
LIMIT toInteger($limit)
RETURN r {.id, .type, .key, .name, .aliases, .paperCount} AS row,
       c {.id, .type, .key, .name, .aliases, .paperCount} AS column, papers

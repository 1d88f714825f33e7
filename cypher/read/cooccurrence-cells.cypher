// Fragment: every cell of a co-occurrence table, yielding r (row entity),
// c (column entity) and papers, how many papers link both. Expects $rows and
// $columns (entity types). With one type on both axes, each unordered pair
// appears once.
// A paper has at most one relationship to an entity (the write path merges one
// per paper and entity), so each (row, paper, column) path is one paper and
// count(*) equals count(DISTINCT p) without a distinct set per cell.
MATCH (r:Entity {type: $rows})<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
      -[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(c:Entity {type: $columns})
WHERE r <> c AND ($rows <> $columns OR r.id < c.id)
WITH r, c, count(*) AS papers

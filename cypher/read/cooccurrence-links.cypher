// Fragment: every cell of a co-occurrence table counted from the links, yielding
// r (row entity), c (column entity) and papers. Expects $rows and $columns
// (entity types). With one type on both axes, each unordered pair appears once.
// A paper has at most one relationship to an entity, so count(*) counts papers.
// Work grows with the links of both types: requests read the counts kept at
// write time (read/cooccurrence) and come here only for the cells of one paper.
MATCH (r:Entity {type: $rows})<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
      -[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(c:Entity {type: $columns})
WHERE r <> c AND ($rows <> $columns OR r.id < c.id)
WITH r, c, count(*) AS papers

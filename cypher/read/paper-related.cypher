// Papers sharing entities with each of many papers. Shared entities weigh
// more the rarer they are; hub entities (in more than $hubLimit papers) say
// little about relatedness and would make this query scan half the graph.
UNWIND $paperIds AS pid
MATCH (p:Paper {id: pid})
OPTIONAL CALL (p) {
  // p's own entities, read from p. The end node has no label on purpose (these
  // links only ever end at entities): with one, the planner may scan the
  // Entity(paperCount) index for every entity under $hubLimit and join, which
  // it did on the small test graph.
  UNWIND [(p)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(x) WHERE x.paperCount <= $hubLimit | x] AS e
  MATCH (e)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(q:Paper)
  WHERE q <> p
  WITH q, collect(DISTINCT e) AS shared
  WITH q, shared, reduce(s = 0.0, x IN shared | s + 1.0 / log(1.0 + x.paperCount)) AS score
  RETURN q, shared, score
  ORDER BY score DESC, q.id
  LIMIT toInteger($limit)
}
RETURN pid, collect(CASE WHEN q IS NULL THEN null ELSE {
  paper: q {/* #include projections/paper(q) */},
  shared: [x IN shared | x {/* #include projections/entity */}],
  score: score } END) AS rows

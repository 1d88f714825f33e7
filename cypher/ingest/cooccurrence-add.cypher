// After a batch linked its papers and refreshed its entities' counts (which
// write-locks every entity the batch touched, so what is read here includes every
// earlier writer's committed links): each pair of entities a paper links gains it.
// A pair is kept once it shares at least two papers, on one CO_OCCURS relationship
// from the lower entity id to the higher (ids start with the type, so the start
// node's type sorts first) with `papers` and `pair` (the two types), indexed for
// read/cooccurrence, and `key` (ingest/cooccurrence-key), indexed to find a pair's
// relationship in one seek (between two hubs, each with thousands of kept
// partners, walking either one's relationships cost ~200 store reads a pair). Pairs sharing one paper, four in five of all pairs, are not
// kept (they would take most of the store); the tables read them from the links
// when a page reaches them.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(a:Entity)
MATCH (p)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(b:Entity)
WHERE a.id < b.id
WITH a, b, count(*) AS n
ORDER BY a.id, b.id
// #include ingest/cooccurrence-key
OPTIONAL MATCH ()-[k:CO_OCCURS {key: key}]->()
CALL (k, n) {
  WITH k, n WHERE k IS NOT NULL
  SET k.papers = k.papers + n
}
// A pair not kept yet shares at most one paper outside this batch. Which do is
// read per entity x, the one of the pair with fewer papers: x's papers outside
// the batch once, and their entities against every partner y x needs checked
// (pair by pair, each of x's papers was walked again for every partner). None
// can when x has no paper outside the batch's n.
WITH a, b, n, key, k WHERE k IS NULL
WITH a, b, n, key, CASE WHEN a.paperCount <= b.paperCount THEN [a, b] ELSE [b, a] END AS xy
WITH xy[0] AS x, collect({a: a, b: b, n: n, key: key, y: xy[1]}) AS pairs
CALL (x, pairs) {
  WITH x, [pr IN pairs WHERE x.paperCount > pr.n | pr.y] AS ys
  WHERE size(ys) > 0
  MATCH (x)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(q:Paper)
  WHERE NOT q.id IN $ids
  MATCH (q)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(y)
  WHERE y IN ys
  // One row whatever matched: [] when nothing did or nothing needed checking.
  RETURN collect(y) AS shared
}
UNWIND pairs AS pr
WITH pr.a AS a, pr.b AS b, pr.key AS key, pr.n + size([s IN shared WHERE s = pr.y]) AS total
WHERE total >= 2
CREATE (a)-[:CO_OCCURS {papers: total, pair: a.type + ' ' + b.type, key: key}]->(b)
RETURN count(*) AS created

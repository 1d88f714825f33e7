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
// when a page reaches them. A pair not yet kept is counted from the links,
// expanding the entity with fewer links.
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
CALL (k, a, b, n, key) {
  WITH k, a, b, n, key WHERE k IS NULL
  WITH a, b, n, key, CASE WHEN a.paperCount <= b.paperCount THEN [a, b] ELSE [b, a] END AS xy
  WITH a, b, n, key, xy[0] AS x, xy[1] AS y
  // Not kept: at most one paper outside this batch links both. None can when
  // the smaller entity has no paper outside the batch's n.
  CALL (x, y, n) {
    WITH x, y, n WHERE x.paperCount > n
    MATCH (x)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(q:Paper)
    WHERE NOT q.id IN $ids AND EXISTS { (q)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(y) }
    RETURN count(q) AS before
  }
  WITH a, b, key, n + before AS total WHERE total >= 2
  CREATE (a)-[:CO_OCCURS {papers: total, pair: a.type + ' ' + b.type, key: key}]->(b)
}
RETURN count(*) AS pairs

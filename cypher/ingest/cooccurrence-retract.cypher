// Before a batch removes its papers' extracted links (ingest/detach-paper-entities):
// each kept pair of entities one of these papers links loses that paper from its
// count (ingest/cooccurrence-add); a pair left with fewer than two papers is no
// longer kept. Both entities are written first (the same lock the batch's count
// refresh takes later), so two writers never lose each other's decrement; pairs
// are taken in entity id order, as every writer takes them.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(a:Entity)
MATCH (p)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(b:Entity)
WHERE a.id < b.id
WITH a, b, count(*) AS n
ORDER BY a.id, b.id
// #include ingest/cooccurrence-key
MATCH ()-[k:CO_OCCURS {key: key}]->()
SET a.paperCount = a.paperCount, b.paperCount = b.paperCount
SET k.papers = k.papers - n
WITH k WHERE k.papers < 2
DELETE k
RETURN count(*) AS removed

// Links written before links carried r.eid and r.published (see
// ingest/link-paper-entities) get them, in batches; a database that has them
// all only pays the scan of its links. Runs as an auto-commit statement
// (CALL ... IN TRANSACTIONS cannot run inside a transaction).
MATCH (p:Paper)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
WHERE r.eid IS NULL OR (r.published IS NULL AND p.published IS NOT NULL)
CALL (p, r, e) {
  SET r.eid = e.id, r.published = p.published
} IN TRANSACTIONS OF 5000 ROWS;

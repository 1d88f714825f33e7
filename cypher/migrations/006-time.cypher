// The time queries (read/trending, read/new-entities): links by date alone, per
// type, and entities by the date of their first paper.
CREATE INDEX link_date_proposes IF NOT EXISTS FOR ()-[r:PROPOSES]-() ON (r.published);
CREATE INDEX link_date_uses IF NOT EXISTS FOR ()-[r:USES]-() ON (r.published);
CREATE INDEX link_date_evaluates_on IF NOT EXISTS FOR ()-[r:EVALUATES_ON]-() ON (r.published);
CREATE INDEX link_date_compares_with IF NOT EXISTS FOR ()-[r:COMPARES_WITH]-() ON (r.published);
CREATE INDEX link_date_mentions IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.published);
CREATE INDEX entity_first_seen IF NOT EXISTS FOR (e:Entity) ON (e.firstSeen);
// Entities stored before firstSeen existed get it (once per database).
MATCH (e:Entity) WHERE e.firstPaper IS NULL
CALL (e) {
  // #include ingest/entity-first-link
  SET e.firstSeen = first.published, e.firstPaper = startNode(first).id, e.firstRole = type(first)
} IN TRANSACTIONS OF 1000 ROWS;

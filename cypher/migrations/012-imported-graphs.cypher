// What a graph loaded by `neo4j-admin database import` (papergraph bulk-load,
// db/bulk-csv.ts) lacks, filled in here so it comes from the graph itself, as
// for any graph; a graph the transactional ingest wrote has all of it and only
// pays one look at its entities and papers (once per database).
// An entity's paperCount is its degree over the paper links, as
// ingest/refresh-entity-counts keeps it.
MATCH (e:Entity) WHERE e.paperCount IS NULL
CALL (e) {
  SET e.paperCount = COUNT { (e)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-() }
} IN TRANSACTIONS OF 10000 ROWS;
// A CSV field cannot hold an empty list (an empty field is no property), where
// the ingest stores one: papers without authors, author ids or other ids, and
// entities without aliases, get theirs.
MATCH (p:Paper) WHERE p.authors IS NULL OR p.authorIds IS NULL OR p.externalIds IS NULL
CALL (p) {
  SET p.authors = coalesce(p.authors, []), p.authorIds = coalesce(p.authorIds, []), p.externalIds = coalesce(p.externalIds, [])
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (e:Entity) WHERE e.aliases IS NULL
CALL (e) {
  SET e.aliases = []
} IN TRANSACTIONS OF 10000 ROWS;

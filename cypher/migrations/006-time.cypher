// The time queries: entities by the date of their first paper (read/new-entities).
// read/trending read links by date alone through one index per type; it reads
// counts kept per entity and period now (011-period-counts), and those indexes
// (0.6 KB per paper) go. (Dropped here, where they were made, so this file keeps
// its statements' numbers: its backfill is recorded as its seventh.)
DROP INDEX link_date_proposes IF EXISTS;
DROP INDEX link_date_uses IF EXISTS;
DROP INDEX link_date_evaluates_on IF EXISTS;
DROP INDEX link_date_compares_with IF EXISTS;
DROP INDEX link_date_mentions IF EXISTS;
CREATE INDEX entity_first_seen IF NOT EXISTS FOR (e:Entity) ON (e.firstSeen);
// Entities stored before firstSeen existed get it (once per database).
MATCH (e:Entity) WHERE e.firstPaper IS NULL
CALL (e) {
  // #include ingest/entity-first-link
  SET e.firstSeen = first.published, e.firstPaper = startNode(first).id, e.firstRole = type(first)
} IN TRANSACTIONS OF 1000 ROWS;

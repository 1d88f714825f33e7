// Each entity's yearly count keeps its growth from the year before
// (ingest/period-counts-apply), absolute and relative, so that trending of one
// whole year against the year before reads the top of a type's year in order
// from these indexes and stops at the page (read/trending-year-*) instead of
// ranking every entity active in those years.
CREATE INDEX year_count_growth IF NOT EXISTS FOR ()-[c:YEAR_COUNT]-() ON (c.type, c.period, c.growth);
CREATE INDEX year_count_rate IF NOT EXISTS FOR ()-[c:YEAR_COUNT]-() ON (c.type, c.period, c.rate);
// Counts written before the growth was kept get it, once per database. SET from
// the counts, so a backfill interrupted and run again sets the same.
MATCH (e:Entity)
CALL (e) {
  MATCH (e)-[c:YEAR_COUNT]->(e)
  OPTIONAL MATCH (e)-[before:YEAR_COUNT {period: c.period - 1}]->(e)
  WITH c, c.papers AS papers, coalesce(before.papers, 0) AS baseline
  // #include read/trending-score
  SET c.base = baseline, c.growth = growth, c.rate = rate
} IN TRANSACTIONS OF 500 ROWS;

// Papers per entity and month, and per entity and year, kept at write time
// (ingest/period-counts-change): read/trending reads an entity type's counts of
// a range of years and months from these indexes instead of every link of the
// period.
// (The first version, 011-month-counts, kept months only, under `month`: its
// index goes, and a graph that ran its backfill runs this one once, as
// backfills are recorded by file name.)
DROP INDEX month_count_type_month IF EXISTS;
CREATE INDEX month_count_period IF NOT EXISTS FOR ()-[c:MONTH_COUNT]-() ON (c.type, c.period);
CREATE INDEX year_count_period IF NOT EXISTS FOR ()-[c:YEAR_COUNT]-() ON (c.type, c.period);
// A graph written before the counts were kept (or loaded in bulk with links
// only) gets them, once per database: per entity, counted from its links. Its
// old counts go first, so a backfill interrupted and run again counts anew.
MATCH (e:Entity)
CALL (e) {
  CALL (e) {
    MATCH (e)-[old:MONTH_COUNT|YEAR_COUNT]->(e)
    DELETE old
  }
  MATCH (e)<-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(:Paper)
  WHERE r.published IS NOT NULL
  // #include ingest/period-counts-of-links
  WITH e, kind, period, papers, proposes, uses, evaluatesOn, comparesWith, mentions, 1 AS sign
  // #include ingest/period-counts-apply
} IN TRANSACTIONS OF 500 ROWS;

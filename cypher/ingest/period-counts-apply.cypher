// Fragment: adds `sign` times a row of ingest/period-counts-of-links to the
// entity's count of that period: one MONTH_COUNT or YEAR_COUNT relationship from
// the entity to itself (so writing it locks only the entity, which the batch
// holds anyway) with `period`, `type` (the entity's, for read/trending's
// indexes), `papers`, and one property per role named as the role (absent when
// 0, which saves the store a property block on most counts). A count that
// reaches 0 goes. One MERGE per type, not one of a dynamic type: that would
// walk all of a hub entity's links to find its counts.
CALL (e, kind, period) {
  WITH e, period WHERE kind = 'MONTH_COUNT'
  MERGE (e)-[c:MONTH_COUNT {period: period}]->(e)
    ON CREATE SET c.type = e.type, c.papers = 0
  RETURN c
  UNION ALL
  WITH e, period WHERE kind = 'YEAR_COUNT'
  MERGE (e)-[c:YEAR_COUNT {period: period}]->(e)
    ON CREATE SET c.type = e.type, c.papers = 0
  RETURN c
}
SET c += {papers: c.papers + sign * papers,
          PROPOSES: nullIf(coalesce(c.PROPOSES, 0) + sign * proposes, 0),
          USES: nullIf(coalesce(c.USES, 0) + sign * uses, 0),
          EVALUATES_ON: nullIf(coalesce(c.EVALUATES_ON, 0) + sign * evaluatesOn, 0),
          COMPARES_WITH: nullIf(coalesce(c.COMPARES_WITH, 0) + sign * comparesWith, 0),
          MENTIONS: nullIf(coalesce(c.MENTIONS, 0) + sign * mentions, 0)}
// A year's count also keeps the year before's papers (`base`) and the growth
// from them, absolute and relative, which read/trending-year-* read in order
// from their indexes. Both counts of a pair are set from the other's papers,
// not by adding changes, so whichever of two changed years comes last leaves
// them right.
WITH e, kind, period, c
CALL (e, kind, period, c) {
  WITH e, period, c WHERE kind = 'YEAR_COUNT'
  OPTIONAL MATCH (e)-[before:YEAR_COUNT {period: period - 1}]->(e)
  OPTIONAL MATCH (e)-[next:YEAR_COUNT {period: period + 1}]->(e)
  WITH c, next, c.papers AS papers, coalesce(before.papers, 0) AS baseline
  // #include read/trending-score
  SET c.base = baseline, c.growth = growth, c.rate = rate
  WITH next, papers AS baseline WHERE next IS NOT NULL
  WITH next, next.papers AS papers, baseline
  // #include read/trending-score
  SET next.base = baseline, next.growth = growth, next.rate = rate
}
WITH c WHERE c.papers = 0
DELETE c

// Entities of one type whose paper count grew most from the baseline period
// [$baseFrom, $from) to the period [$from, $to), from the papers per entity and
// year or month kept at write time (ingest/period-counts-change): each period's
// whole years ($years: [from, to) and whether it is the baseline) and whole
// months around them ($months, year * 100 + month) are a range seek each of the
// (type, period) indexes; the days of a month a bound cuts ($days, see
// db/period-split.ts) are counted from the papers of those days. No link
// outside those days is read. Score: growth in papers (ABSOLUTE) or growth
// relative to max(baseline, 1) (RELATIVE); keyset on (score, id).
CALL () {
  UNWIND $years AS w
  MATCH ()-[c:YEAR_COUNT]->() USING INDEX SEEK c:YEAR_COUNT(type, period)
  WHERE c.type = $type AND c.period >= w.from AND c.period < w.to
  RETURN startNode(c) AS e, w.base AS base, c.papers AS n
  UNION ALL
  UNWIND $months AS w
  MATCH ()-[c:MONTH_COUNT]->() USING INDEX SEEK c:MONTH_COUNT(type, period)
  WHERE c.type = $type AND c.period >= w.from AND c.period < w.to
  RETURN startNode(c) AS e, w.base AS base, c.papers AS n
  UNION ALL
  UNWIND $days AS w
  MATCH (p:Paper) USING INDEX SEEK p:Paper(published)
  WHERE p.published >= date(w.from) AND p.published < date(w.to)
  // From each paper of those days. The end node has no label on purpose (these
  // links only ever end at entities): with one, the planner may seek every
  // entity of the type in the Entity(type) index and join, which it did on the
  // small test graph (the fresh-clone CI caught it).
  UNWIND [(p)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(x) WHERE x.type = $type | x] AS e
  RETURN e, w.base AS base, 1 AS n
}
WITH e, sum(CASE WHEN base THEN 0 ELSE n END) AS papers, sum(CASE WHEN base THEN n ELSE 0 END) AS baseline
WHERE papers >= $minPapers
WITH e, e.id AS eid, papers, baseline
// #include read/trending-score
WITH e, eid, papers, baseline, growth, rate, CASE WHEN $order = 'RELATIVE' THEN rate ELSE toFloat(growth) END AS score
WHERE $after IS NULL OR score < $after[0] OR (score = $after[0] AND eid > $after[1])
ORDER BY score DESC, eid
LIMIT toInteger($limit)
RETURN e {/* #include projections/entity */} AS entity, papers, baseline, growth, rate, score
ORDER BY score DESC, entity.id

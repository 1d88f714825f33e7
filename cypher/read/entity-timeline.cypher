// Papers per period and role of each entity, between two dates: the whole
// years ($years, by YEAR only) and months ($months: [from, to) as year * 100 +
// month) from the entity's counts kept at write time
// (ingest/period-counts-change; a few dozen relationships of the entity,
// however many papers it has), the days of a month a bound cuts ($days, see
// db/period-split.ts) from a range read of each link type's (r.eid,
// r.published) index (the hints keep it so on a small graph).
// Periods without papers are left out; undated papers are not counted.
// At most $limit periods per entity, after period $after.
UNWIND $eids AS eid
CALL (eid) {
  MATCH (e:Entity {id: eid}) USING INDEX SEEK e:Entity(id)
  // Pattern comprehensions: always walked from e. (A MATCH may be planned as a
  // scan of the counts' whole index when its statistics say it is near empty.)
  CALL (e) {
    UNWIND $years AS w
    UNWIND [(e)-[c:YEAR_COUNT]->(e) WHERE c.period >= w.from AND c.period < w.to | c] AS c
    RETURN c, c.period AS year, null AS month
    UNION ALL
    UNWIND $months AS w
    UNWIND [(e)-[c:MONTH_COUNT]->(e) WHERE c.period >= w.from AND c.period < w.to | c] AS c
    RETURN c, c.period / 100 AS year, c.period % 100 AS month
  }
  UNWIND ['PROPOSES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'MENTIONS'] AS role
  WITH c, year, month, role WHERE c[role] IS NOT NULL
  RETURN role, year, month, c[role] AS n
  UNION ALL
  UNWIND $days AS w
  CALL (eid, w) {
    MATCH ()-[r:PROPOSES]->() USING INDEX SEEK r:PROPOSES(eid, published) WHERE r.eid = eid AND r.published >= date(w.from) AND r.published < date(w.to)
    RETURN 'PROPOSES' AS role, r.published AS d
    UNION ALL
    MATCH ()-[r:USES]->() USING INDEX SEEK r:USES(eid, published) WHERE r.eid = eid AND r.published >= date(w.from) AND r.published < date(w.to)
    RETURN 'USES' AS role, r.published AS d
    UNION ALL
    MATCH ()-[r:EVALUATES_ON]->() USING INDEX SEEK r:EVALUATES_ON(eid, published) WHERE r.eid = eid AND r.published >= date(w.from) AND r.published < date(w.to)
    RETURN 'EVALUATES_ON' AS role, r.published AS d
    UNION ALL
    MATCH ()-[r:COMPARES_WITH]->() USING INDEX SEEK r:COMPARES_WITH(eid, published) WHERE r.eid = eid AND r.published >= date(w.from) AND r.published < date(w.to)
    RETURN 'COMPARES_WITH' AS role, r.published AS d
    UNION ALL
    MATCH ()-[r:MENTIONS]->() USING INDEX SEEK r:MENTIONS(eid, published) WHERE r.eid = eid AND r.published >= date(w.from) AND r.published < date(w.to)
    RETURN 'MENTIONS' AS role, r.published AS d
  }
  RETURN role, d.year AS year, d.month AS month, 1 AS n
}
WITH eid, role, CASE $by WHEN 'YEAR' THEN toString(year) ELSE toString(year) + '-' + right('0' + toString(month), 2) END AS period, n
WHERE $after IS NULL OR period > $after
WITH eid, period, role, sum(n) AS papers
ORDER BY eid, period, role
WITH eid, period, collect({role: role, papers: papers}) AS byRole, sum(papers) AS papers
ORDER BY eid, period
WITH eid, collect({period: period, papers: papers, byRole: byRole}) AS points
RETURN eid, points[..toInteger($limit)] AS points

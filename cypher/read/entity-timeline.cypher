// Papers per period and role of each entity, between two dates: the whole
// months ($months: [from, to) as year * 100 + month) from the entity's counts
// kept at write time (ingest/month-counts-change; a few dozen relationships of
// the entity, however many papers it has), the days of a month a bound cuts
// ($days, see db/month-split.ts) from a range read of each link type's
// (r.eid, r.published) index (the hints keep it so on a small graph).
// Periods without papers are left out; undated papers are not counted.
// At most $limit periods per entity, after period $after.
UNWIND $eids AS eid
CALL (eid) {
  MATCH (e:Entity {id: eid}) USING INDEX SEEK e:Entity(id)
  UNWIND $months AS w
  MATCH (e)-[c:MONTH_COUNT]->(e)
  WHERE c.month >= w.from AND c.month < w.to
  UNWIND ['PROPOSES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'MENTIONS'] AS role
  WITH c, role WHERE c[role] IS NOT NULL
  RETURN role, c.month AS month, c[role] AS n
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
  RETURN role, d.year * 100 + d.month AS month, 1 AS n
}
WITH eid, role, CASE $by WHEN 'YEAR' THEN toString(month / 100) ELSE toString(month / 100) + '-' + right('0' + toString(month % 100), 2) END AS period, n
WHERE $after IS NULL OR period > $after
WITH eid, period, role, sum(n) AS papers
ORDER BY eid, period, role
WITH eid, period, collect({role: role, papers: papers}) AS byRole, sum(papers) AS papers
ORDER BY eid, period
WITH eid, collect({period: period, papers: papers, byRole: byRole}) AS points
RETURN eid, points[..toInteger($limit)] AS points

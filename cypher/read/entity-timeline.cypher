// Papers per period and role of each entity, between two dates: per link
// type one range read of the (r.eid, r.published) index, counted here (the
// hints keep it so on a small graph, where a whole-index scan looks cheaper).
// Periods without papers are left out; undated papers are not counted.
// At most $limit periods per entity, after period $after.
UNWIND $eids AS eid
CALL (eid) {
  MATCH ()-[r:PROPOSES]->() USING INDEX SEEK r:PROPOSES(eid, published) WHERE r.eid = eid AND r.published >= date($from) AND r.published < date($to)
  RETURN 'PROPOSES' AS role, r.published AS d
  UNION ALL
  MATCH ()-[r:USES]->() USING INDEX SEEK r:USES(eid, published) WHERE r.eid = eid AND r.published >= date($from) AND r.published < date($to)
  RETURN 'USES' AS role, r.published AS d
  UNION ALL
  MATCH ()-[r:EVALUATES_ON]->() USING INDEX SEEK r:EVALUATES_ON(eid, published) WHERE r.eid = eid AND r.published >= date($from) AND r.published < date($to)
  RETURN 'EVALUATES_ON' AS role, r.published AS d
  UNION ALL
  MATCH ()-[r:COMPARES_WITH]->() USING INDEX SEEK r:COMPARES_WITH(eid, published) WHERE r.eid = eid AND r.published >= date($from) AND r.published < date($to)
  RETURN 'COMPARES_WITH' AS role, r.published AS d
  UNION ALL
  MATCH ()-[r:MENTIONS]->() USING INDEX SEEK r:MENTIONS(eid, published) WHERE r.eid = eid AND r.published >= date($from) AND r.published < date($to)
  RETURN 'MENTIONS' AS role, r.published AS d
}
WITH eid, role, CASE $by WHEN 'YEAR' THEN toString(d.year) ELSE toString(d.year) + '-' + right('0' + toString(d.month), 2) END AS period
WHERE $after IS NULL OR period > $after
WITH eid, period, role, count(*) AS papers
ORDER BY eid, period, role
WITH eid, period, collect({role: role, papers: papers}) AS byRole, sum(papers) AS papers
ORDER BY eid, period
WITH eid, collect({period: period, papers: papers, byRole: byRole}) AS points
RETURN eid, points[..toInteger($limit)] AS points

// Entities of one type whose paper count grew most from the baseline period
// [$baseFrom, $from) to the period [$from, $to). Per link type one range read
// of the r.published index; the type from the link's entity id ("type:key"),
// so entities are only read for the page. Score: growth in papers (ABSOLUTE) or
// growth relative to max(baseline, 1) (RELATIVE); keyset on (score, id).
// The hints keep the range reads on a small graph, where the planner would scan
// the (eid, published) index instead. Still reads every link in the window.
CALL () {
  MATCH ()-[r:PROPOSES]->() USING INDEX SEEK r:PROPOSES(published) WHERE r.published >= date($baseFrom) AND r.published < date($to) AND r.eid STARTS WITH $prefix
  RETURN r.eid AS eid, r.published AS d
  UNION ALL
  MATCH ()-[r:USES]->() USING INDEX SEEK r:USES(published) WHERE r.published >= date($baseFrom) AND r.published < date($to) AND r.eid STARTS WITH $prefix
  RETURN r.eid AS eid, r.published AS d
  UNION ALL
  MATCH ()-[r:EVALUATES_ON]->() USING INDEX SEEK r:EVALUATES_ON(published) WHERE r.published >= date($baseFrom) AND r.published < date($to) AND r.eid STARTS WITH $prefix
  RETURN r.eid AS eid, r.published AS d
  UNION ALL
  MATCH ()-[r:COMPARES_WITH]->() USING INDEX SEEK r:COMPARES_WITH(published) WHERE r.published >= date($baseFrom) AND r.published < date($to) AND r.eid STARTS WITH $prefix
  RETURN r.eid AS eid, r.published AS d
  UNION ALL
  MATCH ()-[r:MENTIONS]->() USING INDEX SEEK r:MENTIONS(published) WHERE r.published >= date($baseFrom) AND r.published < date($to) AND r.eid STARTS WITH $prefix
  RETURN r.eid AS eid, r.published AS d
}
WITH eid, sum(CASE WHEN d >= date($from) THEN 1 ELSE 0 END) AS papers, sum(CASE WHEN d < date($from) THEN 1 ELSE 0 END) AS baseline
WHERE papers >= $minPapers
WITH eid, papers, baseline, papers - baseline AS growth,
     toFloat(papers - baseline) / CASE WHEN baseline = 0 THEN 1 ELSE baseline END AS rate
WITH eid, papers, baseline, growth, rate, CASE WHEN $order = 'RELATIVE' THEN rate ELSE toFloat(growth) END AS score
WHERE $after IS NULL OR score < $after[0] OR (score = $after[0] AND eid > $after[1])
ORDER BY score DESC, eid
LIMIT toInteger($limit)
MATCH (e:Entity {id: eid})
RETURN e {.id, .type, .key, .name, .aliases, .paperCount} AS entity, papers, baseline, growth, rate, score
ORDER BY score DESC, eid

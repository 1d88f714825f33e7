// Fragment: candidate papers for a PaperFilter. Starts from the most selective
// index (an entity, the full-text index, or the label) and then applies the rest.
// Expects $allIds, $anyIds, $role, $text, $from, $to; yields p.
CALL (*) {
  WITH 1 AS go WHERE size($allIds) > 0
  MATCH (:Entity {id: $allIds[0]})<-[]-(p:Paper)
  RETURN DISTINCT p
  UNION
  WITH 1 AS go WHERE size($allIds) = 0 AND size($anyIds) > 0
  MATCH (e:Entity) WHERE e.id IN $anyIds
  MATCH (e)<-[]-(p:Paper)
  RETURN DISTINCT p
  UNION
  WITH 1 AS go WHERE size($allIds) = 0 AND size($anyIds) = 0 AND $text IS NOT NULL
  CALL db.index.fulltext.queryNodes('paper_text', $text) YIELD node
  RETURN node AS p
  UNION
  WITH 1 AS go WHERE size($allIds) = 0 AND size($anyIds) = 0 AND $text IS NULL
  MATCH (p:Paper)
  RETURN p
}
WITH p
WHERE all(eid IN $allIds WHERE EXISTS {
        MATCH (p)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(:Entity {id: eid})
        WHERE $role IS NULL OR type(r) = $role })
  AND (size($anyIds) = 0 OR EXISTS {
        MATCH (p)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
        WHERE e.id IN $anyIds AND ($role IS NULL OR type(r) = $role) })
  AND ($role IS NULL OR size($allIds) + size($anyIds) > 0 OR EXISTS {
        MATCH (p)-[r]->(:Entity) WHERE type(r) = $role })
  AND ($from IS NULL OR p.published >= date($from))
  AND ($to IS NULL OR p.published <= date($to))
  AND ($text IS NULL OR size($allIds) + size($anyIds) = 0 OR EXISTS {
        CALL db.index.fulltext.queryNodes('paper_text', $text) YIELD node WHERE node = p RETURN 1 AS hit })

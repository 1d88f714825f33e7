// For many entities at once: the entities that share most papers with each.
UNWIND $entityIds AS eid
MATCH (e:Entity {id: eid})
OPTIONAL CALL (e) {
  MATCH (e)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
        -[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(o:Entity)
  WHERE o <> e AND ($type IS NULL OR o.type = $type)
  WITH o, count(DISTINCT p) AS papers
  RETURN o, papers
  ORDER BY papers DESC, o.id
  LIMIT toInteger($limit)
}
RETURN eid, collect(CASE WHEN o IS NULL THEN null ELSE
  {entity: o {.id, .type, .key, .name, .aliases, .paperCount}, papers: papers} END) AS rows

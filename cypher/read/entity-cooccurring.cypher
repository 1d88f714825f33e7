// For many entities at once: the entities that share most papers with each. The
// partners sharing two papers or more come from the counts kept at write time
// (ingest/cooccurrence-add), one relationship each; only when they are fewer than
// $limit are the partners of one shared paper counted from the entity's links.
UNWIND $entityIds AS eid
MATCH (e:Entity {id: eid})
CALL (e) {
  OPTIONAL MATCH (e)-[k:CO_OCCURS]-(o:Entity)
  WHERE $type IS NULL OR o.type = $type
  WITH o, k.papers AS papers
  ORDER BY papers DESC, o.id
  LIMIT toInteger($limit)
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE
    {entity: o {/* #include projections/entity */}, papers: papers} END) AS kept
}
CALL (e, kept) {
  WITH e WHERE size(kept) < $limit
  MATCH (e)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(:Paper)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(o:Entity)
  WHERE o <> e AND ($type IS NULL OR o.type = $type)
  WITH o, count(*) AS papers
  WHERE papers = 1
  WITH o ORDER BY o.id
  RETURN collect({entity: o {/* #include projections/entity */}, papers: 1}) AS ones
}
RETURN eid, kept + ones[0..toInteger($limit) - size(kept)] AS rows

// A paper and all its entities with role and evidence in one round trip (the
// paper page); the same rows as read/papers-by-ids and read/paper-entities
// without a type or role filter (evidence as offsets into p.title and p.abstract).
MATCH (p:Paper {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
  WITH r, e
  ORDER BY r.confidence DESC, e.name
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE {
    entity: e {/* #include projections/entity */},
    role: type(r), confidence: r.confidence, evidence: r.evidence
  } END)[0..toInteger($limit)] AS items
}
RETURN p {/* #include projections/paper(p) */, .abstract} AS paper, items

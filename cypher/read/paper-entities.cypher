// Entities of many papers at once (DataLoader batch), with role and evidence.
// Evidence is offsets into the paper's text, returned once per paper
// (src/db/evidence.ts turns them into mention and sentence text).
UNWIND $paperIds AS pid
// The hint keeps a seek per id: on a small graph the planner sometimes chose to scan the id index.
MATCH (p:Paper {id: pid})-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
USING INDEX SEEK p:Paper(id)
WHERE ($type IS NULL OR e.type = $type) AND ($role IS NULL OR type(r) = $role)
WITH pid, p, r, e
ORDER BY r.confidence DESC, e.name
RETURN pid, p {.title, .abstract} AS text, collect({
  entity: e {/* #include projections/entity */},
  role: type(r), confidence: r.confidence, evidence: r.evidence
})[0..toInteger($limit)] AS items

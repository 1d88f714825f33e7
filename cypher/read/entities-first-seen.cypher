// Each entity's first paper (kept on write by ingest/refresh-entity-first-seen).
UNWIND $ids AS id
// The hint keeps the id seek on a small graph, where the planner would scan the
// firstSeen index instead (cheaper by its estimate there, not on a large one).
MATCH (e:Entity {id: id})
USING INDEX SEEK e:Entity(id)
WHERE e.firstSeen IS NOT NULL
RETURN id, toString(e.firstSeen) AS date, e.firstPaper AS paper, e.firstRole AS role

// Each entity's first paper (kept on write by ingest/refresh-entity-first-seen).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE e.firstSeen IS NOT NULL
RETURN id, toString(e.firstSeen) AS date, e.firstPaper AS paper, e.firstRole AS role

// firstSeen (the date of an entity's earliest paper, any role), with that paper
// and its role, kept on the entity so newEntities is one index range read.
// Recomputed from the links for the entities a batch took links from, after
// the new links are written (the others only gained links:
// ingest/advance-entity-first-seen).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
// #include ingest/entity-first-link
SET e.firstSeen = first.published, e.firstPaper = startNode(first).id, e.firstRole = type(first)
RETURN count(e) AS entities

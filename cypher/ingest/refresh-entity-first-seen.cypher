// firstSeen (the date of an entity's earliest paper, any role), with that paper
// and its role, kept on the entity so newEntities is one index range read.
// Run for the entities a batch touched, after their links were written.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
// #include ingest/entity-first-link
SET e.firstSeen = first.published, e.firstPaper = startNode(first).id, e.firstRole = type(first)
RETURN count(e) AS entities

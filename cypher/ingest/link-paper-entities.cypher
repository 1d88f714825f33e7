// The relationship type is the paper's role toward the entity; it carries the
// evidence as parallel lists (relationship properties cannot hold maps).
// CREATE, not MERGE: the batch first removed these papers' extracted links in
// the same transaction, and links arrive deduplicated per (paper, entity).
UNWIND $links AS row
MATCH (p:Paper {id: row.paper})
MATCH (e:Entity {id: row.entity})
CREATE (p)-[r:$(row.role)]->(e)
SET r.confidence = row.confidence,
    r.texts = row.texts,
    r.sentences = row.sentences,
    r.starts = [x IN row.starts | toInteger(x)],
    r.ends = [x IN row.ends | toInteger(x)],
    r.fields = row.fields,
    r.extractorVersion = row.extractorVersion
RETURN count(r) AS links

// The relationship type is the paper's role toward the entity; its evidence
// is offsets into the paper's title and abstract (src/db/evidence.ts), so each
// sentence is stored once, in the paper, however many entities it names.
// CREATE, not MERGE: the batch first removed these papers' extracted links in
// the same transaction, and links arrive deduplicated per (paper, entity).
// Links come grouped by paper so each paper is looked up once, and name
// their entity by element id (from upsert-entities in this transaction).
// r.eid and r.published copy the entity's id and the paper's date so the
// per-type link indexes can page an entity's papers newest first
// (read/entity-papers-page); a paper whose date changes is rewritten with
// new links, so the copies cannot go stale.
UNWIND $papers AS row
MATCH (p:Paper {id: row.paper})
UNWIND row.links AS link
MATCH (e:Entity) WHERE elementId(e) = link.entity
CREATE (p)-[r:$(link.role)]->(e)
SET r.eid = e.id,
    r.published = p.published,
    r.confidence = link.confidence,
    r.evidence = [x IN link.evidence | toInteger(x)]
RETURN count(r) AS links

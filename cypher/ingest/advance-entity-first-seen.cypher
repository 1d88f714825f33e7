// New links can only make an entity's first paper earlier. For the entities a
// batch linked and took no link from ($recomputed: those it did, which
// ingest/refresh-entity-first-seen recomputes), the batch's earliest link of
// each replaces the kept first paper when it comes before it: an earlier
// date, or the same date and a lower paper id (as the recount orders them).
// Reads only the batch's own links.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
WHERE r.published IS NOT NULL AND NOT e.id IN $recomputed
WITH e, r, p.id AS paper
ORDER BY r.published, paper
WITH e, head(collect({r: r, paper: paper})) AS first
WHERE e.firstSeen IS NULL OR first.r.published < e.firstSeen
   OR (first.r.published = e.firstSeen AND first.paper < e.firstPaper)
SET e.firstSeen = first.r.published, e.firstPaper = first.paper, e.firstRole = type(first.r)
RETURN count(e) AS advanced

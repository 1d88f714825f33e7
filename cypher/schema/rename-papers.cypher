// Gives stored papers a new id (ids that predate the id policy, src/ids.ts).
// The old id is kept in formerIds; identity keys and record ids follow it.
UNWIND $renames AS r
MATCH (p:Paper {id: r.from})
SET p.id = r.to,
    p.formerIds = coalesce(p.formerIds, []) + r.from,
    p.recordIds = [x IN p.recordIds | CASE WHEN x = r.from THEN r.to ELSE x END]
WITH p, r
CALL (r) {
  MATCH (k:PaperKey {paper: r.from})
  SET k.paper = r.to
}
RETURN count(p) AS renamed

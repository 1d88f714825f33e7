// One keyset page of papers for each of many entities (DataLoader batch),
// newest first, with the per-entity total.
UNWIND $entityIds AS eid
MATCH (e:Entity {id: eid})
OPTIONAL CALL (e) {
  MATCH (e)<-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
  WHERE $role IS NULL OR type(r) = $role
  WITH p, coalesce(toString(p.published), '') AS sortKey
  WHERE $after IS NULL OR sortKey < $after[0] OR (sortKey = $after[0] AND p.id > $after[1])
  RETURN p, sortKey
  ORDER BY sortKey DESC, p.id ASC
  LIMIT toInteger($limit)
}
WITH eid, e, collect(CASE WHEN p IS NULL THEN null ELSE
  {paper: p {.id, .title, .abstract, .url, .published, .authors, .arxivId}, sortKey: sortKey} END) AS rows
RETURN eid, rows,
  CASE WHEN $role IS NULL THEN e.paperCount
       ELSE COUNT { (e)<-[r]-(:Paper) WHERE type(r) = $role } END AS total

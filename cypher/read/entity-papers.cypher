// One keyset page of papers for each of many entities (DataLoader batch),
// newest first, with the per-entity total.
UNWIND $entityIds AS eid
MATCH (e:Entity {id: eid})
// #include read/entity-papers-page
WITH eid, e, collect(CASE WHEN p IS NULL THEN null ELSE
  {paper: p {/* #include projections/paper(p) */}, sortKey: sortKey} END) AS rows
RETURN eid, rows,
  CASE WHEN $role IS NULL THEN e.paperCount
       ELSE COUNT { (e)<-[r]-(:Paper) WHERE type(r) = $role } END AS total

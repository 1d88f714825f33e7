// Each paper's authors (in order) and venue, replacing what an earlier version
// of the paper linked. Authors come resolved to a node uid (db/author-identity.ts:
// ids first, then the name); ids the node lacks are added. A venue is one node
// per normalised name key. Authors and venues left without papers go (as
// orphaned entities do), once every paper of the batch is linked.
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
OPTIONAL MATCH (p)-[old:AUTHORED_BY|PUBLISHED_IN]->(n)
DELETE old
WITH p, row, collect(DISTINCT n) AS before
FOREACH (a IN row.authors |
  MERGE (au:Author {uid: a.uid}) ON CREATE SET au.key = a.key, au.name = a.name
  SET au.orcid = coalesce(au.orcid, a.orcid), au.openalexId = coalesce(au.openalexId, a.openalexId), au.s2Id = coalesce(au.s2Id, a.s2Id)
  CREATE (p)-[:AUTHORED_BY {position: a.position}]->(au))
FOREACH (v IN CASE WHEN row.venue IS NULL THEN [] ELSE [row.venue] END |
  MERGE (ve:Venue {key: v.key}) ON CREATE SET ve.name = v.name
  CREATE (p)-[:PUBLISHED_IN]->(ve))
// An aggregate waits for every row: a node one paper leaves may be one a later paper joins.
WITH collect(before) AS befores
UNWIND befores AS bs
UNWIND bs AS n
WITH DISTINCT n
WHERE NOT EXISTS { (n)<-[:AUTHORED_BY|PUBLISHED_IN]-() }
DELETE n
RETURN count(*) AS removed

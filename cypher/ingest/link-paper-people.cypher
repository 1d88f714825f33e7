// Each paper's authors (in order) and venue, replacing what an earlier version
// of the paper linked. An author or venue is one node per normalised name key;
// one left without papers by the replacement goes (as orphaned entities do).
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
OPTIONAL MATCH (p)-[old:AUTHORED_BY|PUBLISHED_IN]->(n)
DELETE old
WITH p, row, collect(DISTINCT n) AS before
FOREACH (a IN row.authors |
  MERGE (au:Author {key: a.key}) ON CREATE SET au.name = a.name
  CREATE (p)-[:AUTHORED_BY {position: a.position}]->(au))
FOREACH (v IN CASE WHEN row.venue IS NULL THEN [] ELSE [row.venue] END |
  MERGE (ve:Venue {key: v.key}) ON CREATE SET ve.name = v.name
  CREATE (p)-[:PUBLISHED_IN]->(ve))
WITH before
UNWIND before AS n
WITH DISTINCT n
WHERE NOT EXISTS { (n)<-[:AUTHORED_BY|PUBLISHED_IN]-() }
DELETE n
RETURN count(*) AS removed

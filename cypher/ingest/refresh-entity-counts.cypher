// paperCount is stored so entity lists can be ordered and paged by it cheaply.
// Only papers hold these relationship types, so the count is the node's degree
// (read from the store, not by walking hub entities' thousands of links).
// Entities left with no paper and no variant are orphans and go.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH e, COUNT { (e)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-() } AS papers
SET e.paperCount = papers
WITH e
WHERE e.paperCount = 0 AND NOT EXISTS { (e)<-[:VARIANT_OF]-(:Entity) }
OPTIONAL MATCH (a:Alias)-[:NAMES]->(e)
DETACH DELETE e
WITH DISTINCT a
WHERE a IS NOT NULL AND NOT EXISTS { (a)-[:NAMES]->() }
DELETE a
RETURN count(*) AS removed

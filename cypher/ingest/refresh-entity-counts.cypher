// paperCount is stored so entity lists can be ordered and paged by it cheaply;
// entities left with no paper and no variant are orphans and go.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e.paperCount = COUNT { (e)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(:Paper) }
WITH e
WHERE e.paperCount = 0 AND NOT EXISTS { (e)<-[:VARIANT_OF]-(:Entity) }
OPTIONAL MATCH (a:Alias)-[:NAMES]->(e)
DETACH DELETE e
WITH DISTINCT a
WHERE a IS NOT NULL AND NOT EXISTS { (a)-[:NAMES]->() }
DELETE a
RETURN count(*) AS removed

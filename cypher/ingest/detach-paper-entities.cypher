// A changed paper loses its old extracted relationships; the entities they
// pointed at (and their families) are returned so their counts can be
// refreshed and orphans removed.
UNWIND $ids AS id
MATCH (:Paper {id: id})-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
DELETE r
WITH DISTINCT e
OPTIONAL MATCH (e)-[:VARIANT_OF]->(f:Entity)
RETURN collect(DISTINCT e.id) AS entityIds, collect(DISTINCT f.id) AS familyIds

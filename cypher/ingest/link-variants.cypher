UNWIND $links AS row
MATCH (v:Entity {id: row.variant})
MATCH (f:Entity {id: row.family})
MERGE (v)-[:VARIANT_OF]->(f)
RETURN count(*) AS links

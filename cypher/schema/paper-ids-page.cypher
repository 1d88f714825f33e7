// All paper ids in id order, a page at a time (the unique index serves the
// order), for the id-policy migration, which checks each in TypeScript.
MATCH (p:Paper) WHERE p.id > $after
RETURN p.id AS id
ORDER BY p.id
LIMIT toInteger($limit)

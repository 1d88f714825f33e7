// A page of papers in id order (the unique index serves the order) with their
// links that still carry evidence as copied text (texts, sentences, starts,
// ends, fields: the format before src/db/evidence.ts), for the migration that
// turns them into offsets. Papers without such links come back with none, so
// the caller can move its cursor past them.
MATCH (p:Paper) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT toInteger($limit)
OPTIONAL MATCH (p)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(:Entity)
WHERE r.texts IS NOT NULL OR r.extractorVersion IS NOT NULL
RETURN p.id AS id, p.title AS title, p.abstract AS abstract,
       collect(r {link: elementId(r), .texts, .sentences, .starts, .ends, .fields}) AS links
ORDER BY id

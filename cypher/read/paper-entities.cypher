// Entities of many papers at once (DataLoader batch), with role and evidence.
UNWIND $paperIds AS pid
MATCH (:Paper {id: pid})-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
WHERE ($type IS NULL OR e.type = $type) AND ($role IS NULL OR type(r) = $role)
WITH pid, r, e
ORDER BY r.confidence DESC, e.name
RETURN pid, collect({
  entity: e {.id, .type, .key, .name, .aliases, .paperCount},
  role: type(r), confidence: r.confidence,
  texts: r.texts, sentences: r.sentences, starts: r.starts, ends: r.ends, fields: r.fields
})[0..toInteger($limit)] AS items

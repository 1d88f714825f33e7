// The family/base of each of many entities (LLaMA-65B -> LLaMA).
UNWIND $entityIds AS eid
MATCH (:Entity {id: eid})-[:VARIANT_OF]->(f:Entity)
RETURN eid, f {.id, .type, .key, .name, .aliases, .paperCount} AS entity

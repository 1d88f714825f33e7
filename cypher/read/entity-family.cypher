// The family/base of each of many entities (LLaMA-65B -> LLaMA). The hint keeps
// the id seek on a small graph, where the planner would scan the id index.
UNWIND $entityIds AS eid
MATCH (v:Entity {id: eid})-[:VARIANT_OF]->(f:Entity)
USING INDEX SEEK v:Entity(id)
RETURN eid, f {/* #include projections/entity */} AS entity

// The variants of each of many entities, most-used first.
UNWIND $entityIds AS eid
// One seek per id: on a small graph the planner may scan the id index and join.
MATCH (f:Entity {id: eid})<-[:VARIANT_OF]-(v:Entity) USING INDEX SEEK f:Entity(id)
WITH eid, v ORDER BY v.paperCount DESC, v.id
RETURN eid, collect(v {/* #include projections/entity */})[0..toInteger($limit)] AS rows

// The variants of each of many entities, most-used first.
UNWIND $entityIds AS eid
MATCH (:Entity {id: eid})<-[:VARIANT_OF]-(v:Entity)
WITH eid, v ORDER BY v.paperCount DESC, v.id
RETURN eid, collect(v {/* #include projections/entity */})[0..toInteger($limit)] AS rows

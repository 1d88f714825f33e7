UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {/* #include projections/entity */} AS entity

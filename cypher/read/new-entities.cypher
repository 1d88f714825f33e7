// Entities whose first paper (firstSeen, kept on write) is in [$from, $to),
// newest first: one range read of the entity_first_seen index; keyset on (firstSeen, id).
MATCH (e:Entity)
WHERE e.firstSeen >= date($from) AND e.firstSeen < date($to) AND ($type IS NULL OR e.type = $type)
  AND ($after IS NULL OR e.firstSeen < date($after[0]) OR (e.firstSeen = date($after[0]) AND e.id > $after[1]))
RETURN e {/* #include projections/entity */} AS entity, toString(e.firstSeen) AS firstSeen
ORDER BY e.firstSeen DESC, e.id
LIMIT toInteger($limit)

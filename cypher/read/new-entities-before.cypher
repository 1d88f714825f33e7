// read/new-entities backward: the entities first seen in [$from, $to) just
// before $before ([firstSeen, id]; null: the list's end, the oldest), nearest
// first: one range read of the entity_first_seen index.
MATCH (e:Entity)
WHERE e.firstSeen >= date($from) AND e.firstSeen < date($to) AND ($type IS NULL OR e.type = $type)
  AND ($before IS NULL OR e.firstSeen > date($before[0]) OR (e.firstSeen = date($before[0]) AND e.id < $before[1]))
RETURN e {/* #include projections/entity */} AS entity, toString(e.firstSeen) AS firstSeen
ORDER BY e.firstSeen ASC, e.id DESC
LIMIT toInteger($limit)

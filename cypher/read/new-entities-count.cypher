// How many entities newEntities lists over all pages.
MATCH (e:Entity)
WHERE e.firstSeen >= date($from) AND e.firstSeen < date($to) AND ($type IS NULL OR e.type = $type)
RETURN count(e) AS total

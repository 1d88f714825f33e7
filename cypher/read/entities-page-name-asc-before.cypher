// read/entities-page-name-asc backward: the page just before $before
// ([nameSort, id]; null: the list's end), nearest first.
// #include read/entities-filter
WITH e
WHERE $before IS NULL OR e.nameSort < $before[0] OR (e.nameSort = $before[0] AND e.id < $before[1])
RETURN e {.id, .type, .key, .name, .aliases, .paperCount} AS entity, e.nameSort AS sortKey
ORDER BY e.nameSort DESC, e.id DESC
LIMIT toInteger($limit)

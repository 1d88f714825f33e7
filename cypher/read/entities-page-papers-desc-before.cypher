// read/entities-page-papers-desc backward: the page just before $before
// ([paperCount, id]; null: the list's end, the least-used entities), nearest first.
// #include read/entities-filter
WITH e
WHERE $before IS NULL OR e.paperCount > $before[0] OR (e.paperCount = $before[0] AND e.id < $before[1])
RETURN e {.id, .type, .key, .name, .aliases, .paperCount} AS entity, e.paperCount AS sortKey
ORDER BY e.paperCount ASC, e.id DESC
LIMIT toInteger($limit)

// Keyset page by name. $after is [nameSort, id] or null.
// #include read/entities-filter
WITH e
WHERE $after IS NULL OR e.nameSort > $after[0] OR (e.nameSort = $after[0] AND e.id > $after[1])
RETURN e {.id, .type, .key, .name, .aliases, .paperCount} AS entity, e.nameSort AS sortKey
ORDER BY e.nameSort ASC, e.id ASC
LIMIT toInteger($limit)

// Keyset page by paper count (most papers first). $after is [paperCount, id] or null.
// #include read/entities-filter
WITH e
WHERE $after IS NULL OR e.paperCount < $after[0] OR (e.paperCount = $after[0] AND e.id > $after[1])
RETURN e {.id, .type, .key, .name, .aliases, .paperCount} AS entity, e.paperCount AS sortKey
ORDER BY e.paperCount DESC, e.id ASC
LIMIT toInteger($limit)

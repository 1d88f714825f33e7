// The top cells of a co-occurrence table (e.g. method x dataset), most papers
// first. Entity maps are built only for the cells returned, after ORDER BY ... LIMIT.
// #include read/cooccurrence-cells
WHERE papers >= $minPapers
WITH r, c, papers
ORDER BY papers DESC, r.id, c.id
LIMIT toInteger($limit)
RETURN r {.id, .type, .key, .name, .aliases, .paperCount} AS row,
       c {.id, .type, .key, .name, .aliases, .paperCount} AS column, papers

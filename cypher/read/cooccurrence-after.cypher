// read/cooccurrence from a cursor: the cells after $after, the [papers, row id,
// column id] of the last cell of the previous page, in the table's order. A
// statement of its own: the keyset test slows the first page's aggregation.
// #include read/cooccurrence-cells
WHERE papers >= $minPapers
  AND (papers < $after[0] OR (papers = $after[0] AND (r.id > $after[1] OR (r.id = $after[1] AND c.id > $after[2]))))
WITH r, c, papers
ORDER BY papers DESC, r.id, c.id
LIMIT toInteger($limit)
RETURN r {.id, .type, .key, .name, .aliases, .paperCount} AS row,
       c {.id, .type, .key, .name, .aliases, .paperCount} AS column, papers

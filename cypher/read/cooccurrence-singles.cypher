// The cells of a co-occurrence table whose pair shares exactly one paper (not
// kept at write time, see ingest/cooccurrence-add), in the table's order (row id,
// column id) after [row id, column id] $after. Only a page that gets past every
// kept cell runs it: it counts every link of the two types.
// #include read/cooccurrence-links
WHERE papers = 1 AND ($after IS NULL OR r.id > $after[0] OR (r.id = $after[0] AND c.id > $after[1]))
WITH r, c, papers
ORDER BY r.id, c.id
LIMIT toInteger($limit)
RETURN r {/* #include projections/entity */} AS row,
       c {/* #include projections/entity */} AS column, papers

// Every cell of a co-occurrence table counted from the links themselves (the
// way read/cooccurrence answered before counts were kept at write time): tests
// compare it with what the API pages out of the kept counts.
// #include read/cooccurrence-links
RETURN r.id AS row, c.id AS column, papers
ORDER BY papers DESC, row, column

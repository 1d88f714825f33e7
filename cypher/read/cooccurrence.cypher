// One page of the kept cells of a co-occurrence table (e.g. method x dataset):
// pairs sharing at least two papers, most papers first, then row id, column id;
// after the cell $after ([papers, row id, column id]) when given. Reads the counts
// kept at write time (ingest/cooccurrence-add): one seek of
// the (pair, papers) index ($pair: the two types sorted, space between) from the
// top count down ($maxPapers starts it at the cursor), so a page costs its cells
// plus the ties of its last count, whatever the size of the graph. Sorting by
// k.pair (one value here) first is what lets the planner take the index's order
// and stop early (PartialTop) instead of sorting every cell of the table (Top).
// A pair's relationship runs from the lower entity id, whose type sorts first:
// with one type on both axes the row is the start node, each unordered pair once.
MATCH (a:Entity)-[k:CO_OCCURS]->(b:Entity)
USING INDEX SEEK k:CO_OCCURS(pair, papers)
WHERE k.pair = $pair AND k.papers >= $minPapers AND k.papers <= $maxPapers
WITH k, CASE WHEN a.type = $rows THEN a ELSE b END AS r, CASE WHEN a.type = $rows THEN b ELSE a END AS c
WHERE $after IS NULL OR k.papers < $after[0] OR (k.papers = $after[0] AND (r.id > $after[1] OR (r.id = $after[1] AND c.id > $after[2])))
WITH k, r, c
ORDER BY k.pair, k.papers DESC, r.id, c.id
LIMIT toInteger($limit)
RETURN r {/* #include projections/entity */} AS row,
       c {/* #include projections/entity */} AS column, k.papers AS papers

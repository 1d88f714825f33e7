// trending of one whole year ($period) against the year before, ABSOLUTE: the
// year's counts of the type in descending growth, as its index keeps them
// (migration 013, ingest/period-counts-apply), so only the page and the
// counts below $minPapers that come before it are read. Same rows, order and
// keyset on (score, id) as read/trending.
MATCH ()-[c:YEAR_COUNT]->() USING INDEX SEEK c:YEAR_COUNT(type, period, growth)
WHERE c.type = $type AND c.period = $period AND c.growth <= $maxScore
WITH c, startNode(c) AS e WHERE c.papers >= $minPapers
WITH c, e, e.id AS eid
WHERE $after IS NULL OR c.growth < $after[0] OR eid > $after[1]
// The index's order, whole (type and period are fixed, but an order by growth
// alone is not seen as the index's): ties by id.
ORDER BY c.type DESC, c.period DESC, c.growth DESC, eid
LIMIT toInteger($limit)
RETURN e {/* #include projections/entity */} AS entity, c.papers AS papers, c.base AS baseline, c.growth AS growth, c.rate AS rate, c.growth AS score

// Per entity and month, and per entity and year, the papers that link it (in
// all and per role), kept at write time for read/trending and
// read/entity-timeline, the way the co-occurrence counts are: with $sign -1
// before a batch removes its papers' extracted links
// (ingest/detach-paper-entities), with $sign 1 once the new ones are written and
// counted. Dated by the link's copy of the paper's date, which is the date the
// links were written with even when the batch changes the paper's date.
// Entities in id order, as every writer locks them.
UNWIND $ids AS id
MATCH (:Paper {id: id})-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
WHERE r.published IS NOT NULL
// #include ingest/period-counts-of-links
// An integer, as the backfill (migration 011) writes: a JavaScript number arrives as a float.
WITH e, kind, period, papers, proposes, uses, evaluatesOn, comparesWith, mentions, toInteger($sign) AS sign
ORDER BY e.id, kind, period
// #include ingest/period-counts-apply
RETURN count(*) AS emptied

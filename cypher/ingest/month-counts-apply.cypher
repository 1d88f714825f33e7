// Fragment: adds `sign` times a row of ingest/month-counts-of-links to the
// entity's count of that month: one MONTH_COUNT relationship from the entity to
// itself (so writing it locks only the entity, which the batch holds anyway)
// with `month`, `type` (the entity's, for read/trending's index), `papers`, and
// one property per role named as the role (absent when 0, which saves the store
// a property block on most counts). A count that reaches 0 goes.
MERGE (e)-[c:MONTH_COUNT {month: month}]->(e)
  ON CREATE SET c.type = e.type, c.papers = 0
SET c += {papers: c.papers + sign * papers,
          PROPOSES: nullIf(coalesce(c.PROPOSES, 0) + sign * proposes, 0),
          USES: nullIf(coalesce(c.USES, 0) + sign * uses, 0),
          EVALUATES_ON: nullIf(coalesce(c.EVALUATES_ON, 0) + sign * evaluatesOn, 0),
          COMPARES_WITH: nullIf(coalesce(c.COMPARES_WITH, 0) + sign * comparesWith, 0),
          MENTIONS: nullIf(coalesce(c.MENTIONS, 0) + sign * mentions, 0)}
WITH c WHERE c.papers = 0
DELETE c

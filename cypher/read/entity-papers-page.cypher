// Fragment: one keyset page of the papers of entity e, newest first; yields p
// (null when there is none) and sortKey. Expects $role, $after, $limit, $hubPapers.
// $after is the [sortKey, id] of the previous page's last row or null; sortKey is
// the date as text, '' when the paper has none (those come last). Two plans give
// the same page:
//  - an entity in at most $hubPapers papers (or any entity with a role filter)
//    expands its links and sorts them;
//  - a hub walks papers newest first through the published index and keeps
//    the ones linked to it, stopping after $limit, instead of sorting tens of
//    thousands of links; undated papers are fetched only if the dated ones run out.
OPTIONAL CALL (e) {
  WITH e WHERE $role IS NOT NULL OR e.paperCount <= $hubPapers
  MATCH (e)<-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
  WHERE $role IS NULL OR type(r) = $role
  WITH p, coalesce(toString(p.published), '') AS sortKey
  WHERE $after IS NULL OR sortKey < $after[0] OR (sortKey = $after[0] AND p.id > $after[1])
  RETURN p, sortKey
  ORDER BY sortKey DESC, p.id ASC
  LIMIT toInteger($limit)
  UNION ALL
  WITH e WHERE $role IS NULL AND e.paperCount > $hubPapers
  CALL (e) {
    WITH e WHERE $after IS NULL OR $after[0] <> ''
    MATCH (p:Paper)
    WHERE p.published <= CASE WHEN $after IS NULL OR $after[0] = '' THEN date('9999-12-31') ELSE date($after[0]) END
      AND EXISTS { (p)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e) }
    WITH p, toString(p.published) AS sortKey
    WHERE $after IS NULL OR sortKey < $after[0] OR (sortKey = $after[0] AND p.id > $after[1])
    WITH p, sortKey
    ORDER BY p.published DESC, p.id ASC
    LIMIT toInteger($limit)
    RETURN collect({p: p, sortKey: sortKey}) AS dated
  }
  CALL (e, dated) {
    WITH e WHERE size(dated) < $limit
    MATCH (e)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
    WHERE p.published IS NULL AND ($after IS NULL OR $after[0] <> '' OR p.id > $after[1])
    WITH p ORDER BY p.id ASC LIMIT toInteger($limit)
    RETURN collect({p: p, sortKey: ''}) AS undated
  }
  UNWIND (dated + undated)[0..toInteger($limit)] AS row
  RETURN row.p AS p, row.sortKey AS sortKey
}

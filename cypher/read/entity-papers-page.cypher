// Fragment: one keyset page of the papers of entity e, newest first (ties by
// paper id); yields p (null when there is none) and sortKey. Expects $role,
// $after, $before, $backward, $limit. Forward, $after is the [sortKey, id] of
// the previous page's last row or null; backward, the page is the rows just
// before $before (null: the list's end), yielded nearest first. sortKey is the
// date as text, '' when the paper has none (those come last, by id).
// Every link carries its entity's id and its paper's date (r.eid, r.published,
// written by ingest/link-paper-entities), indexed per relationship type
// (migrations/002-indexes). Each type's index returns that entity's links
// already newest first, so a page reads about $limit index entries per type
// whatever the entity's size, instead of sorting all its links. Ordering by
// r.eid (constant here) is what lets the planner use the index order. The hints
// keep these seeks on a small graph too, where scanning a whole index looks
// cheaper to the planner (test/integration/query-plans.test.ts).
// Undated papers are not in the indexes; they are read only when the dated
// ones run out (backward: the dated ones only when the undated run out).
OPTIONAL CALL (e) {
  CALL (e) {
    WITH e WHERE NOT $backward AND ($after IS NULL OR $after[0] <> '')
    CALL (e) {
      WITH e WHERE $role IS NULL OR $role = 'PROPOSES'
      MATCH (p)-[r:PROPOSES]->() USING INDEX SEEK r:PROPOSES(eid, published) WHERE r.eid = e.id AND r.published <= date(coalesce($after[0], '9999-12-31'))
      WITH p, r WHERE $after IS NULL OR r.published < date($after[0]) OR p.id > $after[1]
      WITH p, r ORDER BY r.eid DESC, r.published DESC, p.id ASC LIMIT toInteger($limit)
      RETURN p, r.published AS published
      UNION ALL
      WITH e WHERE $role IS NULL OR $role = 'USES'
      MATCH (p)-[r:USES]->() USING INDEX SEEK r:USES(eid, published) WHERE r.eid = e.id AND r.published <= date(coalesce($after[0], '9999-12-31'))
      WITH p, r WHERE $after IS NULL OR r.published < date($after[0]) OR p.id > $after[1]
      WITH p, r ORDER BY r.eid DESC, r.published DESC, p.id ASC LIMIT toInteger($limit)
      RETURN p, r.published AS published
      UNION ALL
      WITH e WHERE $role IS NULL OR $role = 'EVALUATES_ON'
      MATCH (p)-[r:EVALUATES_ON]->() USING INDEX SEEK r:EVALUATES_ON(eid, published) WHERE r.eid = e.id AND r.published <= date(coalesce($after[0], '9999-12-31'))
      WITH p, r WHERE $after IS NULL OR r.published < date($after[0]) OR p.id > $after[1]
      WITH p, r ORDER BY r.eid DESC, r.published DESC, p.id ASC LIMIT toInteger($limit)
      RETURN p, r.published AS published
      UNION ALL
      WITH e WHERE $role IS NULL OR $role = 'COMPARES_WITH'
      MATCH (p)-[r:COMPARES_WITH]->() USING INDEX SEEK r:COMPARES_WITH(eid, published) WHERE r.eid = e.id AND r.published <= date(coalesce($after[0], '9999-12-31'))
      WITH p, r WHERE $after IS NULL OR r.published < date($after[0]) OR p.id > $after[1]
      WITH p, r ORDER BY r.eid DESC, r.published DESC, p.id ASC LIMIT toInteger($limit)
      RETURN p, r.published AS published
      UNION ALL
      WITH e WHERE $role IS NULL OR $role = 'MENTIONS'
      MATCH (p)-[r:MENTIONS]->() USING INDEX SEEK r:MENTIONS(eid, published) WHERE r.eid = e.id AND r.published <= date(coalesce($after[0], '9999-12-31'))
      WITH p, r WHERE $after IS NULL OR r.published < date($after[0]) OR p.id > $after[1]
      WITH p, r ORDER BY r.eid DESC, r.published DESC, p.id ASC LIMIT toInteger($limit)
      RETURN p, r.published AS published
    }
    WITH p, published ORDER BY published DESC, p.id ASC LIMIT toInteger($limit)
    RETURN collect({p: p, sortKey: toString(published)}) AS dated
  }
  CALL (e, dated) {
    WITH e WHERE NOT $backward AND size(dated) < $limit
    MATCH (e)<-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
    WHERE ($role IS NULL OR type(r) = $role) AND p.published IS NULL
      AND ($after IS NULL OR $after[0] <> '' OR p.id > $after[1])
    WITH p ORDER BY p.id ASC LIMIT toInteger($limit)
    RETURN collect({p: p, sortKey: ''}) AS undated
  }
  // Backward: the undated papers before $before (by id, descending), then the
  // dated ones, oldest first, from each type's index read in ascending order.
  CALL (e) {
    WITH e WHERE $backward AND ($before IS NULL OR $before[0] = '')
    MATCH (e)<-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
    WHERE ($role IS NULL OR type(r) = $role) AND p.published IS NULL
      AND ($before IS NULL OR p.id < $before[1])
    WITH p ORDER BY p.id DESC LIMIT toInteger($limit)
    RETURN collect({p: p, sortKey: ''}) AS undatedBefore
  }
  CALL (e, undatedBefore) {
    WITH e WHERE $backward AND size(undatedBefore) < $limit
    WITH e, CASE WHEN $before IS NULL OR $before[0] = '' THEN null ELSE $before END AS bound
    CALL (e, bound) {
      WITH e, bound WHERE $role IS NULL OR $role = 'PROPOSES'
      MATCH (p)-[r:PROPOSES]->() USING INDEX SEEK r:PROPOSES(eid, published) WHERE r.eid = e.id AND r.published >= date(coalesce(bound[0], '0001-01-01'))
      WITH p, r WHERE bound IS NULL OR r.published > date(bound[0]) OR p.id < bound[1]
      WITH p, r ORDER BY r.eid ASC, r.published ASC, p.id DESC LIMIT toInteger($limit)
      RETURN p, r.published AS published
      UNION ALL
      WITH e, bound WHERE $role IS NULL OR $role = 'USES'
      MATCH (p)-[r:USES]->() USING INDEX SEEK r:USES(eid, published) WHERE r.eid = e.id AND r.published >= date(coalesce(bound[0], '0001-01-01'))
      WITH p, r WHERE bound IS NULL OR r.published > date(bound[0]) OR p.id < bound[1]
      WITH p, r ORDER BY r.eid ASC, r.published ASC, p.id DESC LIMIT toInteger($limit)
      RETURN p, r.published AS published
      UNION ALL
      WITH e, bound WHERE $role IS NULL OR $role = 'EVALUATES_ON'
      MATCH (p)-[r:EVALUATES_ON]->() USING INDEX SEEK r:EVALUATES_ON(eid, published) WHERE r.eid = e.id AND r.published >= date(coalesce(bound[0], '0001-01-01'))
      WITH p, r WHERE bound IS NULL OR r.published > date(bound[0]) OR p.id < bound[1]
      WITH p, r ORDER BY r.eid ASC, r.published ASC, p.id DESC LIMIT toInteger($limit)
      RETURN p, r.published AS published
      UNION ALL
      WITH e, bound WHERE $role IS NULL OR $role = 'COMPARES_WITH'
      MATCH (p)-[r:COMPARES_WITH]->() USING INDEX SEEK r:COMPARES_WITH(eid, published) WHERE r.eid = e.id AND r.published >= date(coalesce(bound[0], '0001-01-01'))
      WITH p, r WHERE bound IS NULL OR r.published > date(bound[0]) OR p.id < bound[1]
      WITH p, r ORDER BY r.eid ASC, r.published ASC, p.id DESC LIMIT toInteger($limit)
      RETURN p, r.published AS published
      UNION ALL
      WITH e, bound WHERE $role IS NULL OR $role = 'MENTIONS'
      MATCH (p)-[r:MENTIONS]->() USING INDEX SEEK r:MENTIONS(eid, published) WHERE r.eid = e.id AND r.published >= date(coalesce(bound[0], '0001-01-01'))
      WITH p, r WHERE bound IS NULL OR r.published > date(bound[0]) OR p.id < bound[1]
      WITH p, r ORDER BY r.eid ASC, r.published ASC, p.id DESC LIMIT toInteger($limit)
      RETURN p, r.published AS published
    }
    WITH p, published ORDER BY published ASC, p.id DESC LIMIT toInteger($limit)
    RETURN collect({p: p, sortKey: toString(published)}) AS datedBefore
  }
  UNWIND (CASE WHEN $backward THEN undatedBefore + datedBefore ELSE dated + undated END)[0..toInteger($limit)] AS row
  RETURN row.p AS p, row.sortKey AS sortKey
}

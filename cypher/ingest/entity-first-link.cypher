// Fragment: the entity e's earliest dated link (any role) as `first`, or null;
// of the links of that date, the one from the lowest paper id. Per type one seek
// of the (r.eid, r.published) index for the earliest date, then one for the
// links of that date. The hints are needed: left alone, the planner walks the
// (r.published) index in date order until it meets the entity, which for a rare
// entity is every link of the type (on 100k papers a write batch's first-seen
// refresh took minutes and hit the write timeout).
OPTIONAL CALL (e) {
  CALL (e) {
    MATCH ()-[r:PROPOSES]->() USING INDEX r:PROPOSES(eid, published) WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r.published AS d ORDER BY r.published LIMIT 1
    UNION ALL
    MATCH ()-[r:USES]->() USING INDEX r:USES(eid, published) WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r.published AS d ORDER BY r.published LIMIT 1
    UNION ALL
    MATCH ()-[r:EVALUATES_ON]->() USING INDEX r:EVALUATES_ON(eid, published) WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r.published AS d ORDER BY r.published LIMIT 1
    UNION ALL
    MATCH ()-[r:COMPARES_WITH]->() USING INDEX r:COMPARES_WITH(eid, published) WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r.published AS d ORDER BY r.published LIMIT 1
    UNION ALL
    MATCH ()-[r:MENTIONS]->() USING INDEX r:MENTIONS(eid, published) WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r.published AS d ORDER BY r.published LIMIT 1
  }
  WITH e, min(d) AS d WHERE d IS NOT NULL
  CALL (e, d) {
    MATCH ()-[r:PROPOSES]->() USING INDEX r:PROPOSES(eid, published) WHERE r.eid = e.id AND r.published = d RETURN r
    UNION ALL
    MATCH ()-[r:USES]->() USING INDEX r:USES(eid, published) WHERE r.eid = e.id AND r.published = d RETURN r
    UNION ALL
    MATCH ()-[r:EVALUATES_ON]->() USING INDEX r:EVALUATES_ON(eid, published) WHERE r.eid = e.id AND r.published = d RETURN r
    UNION ALL
    MATCH ()-[r:COMPARES_WITH]->() USING INDEX r:COMPARES_WITH(eid, published) WHERE r.eid = e.id AND r.published = d RETURN r
    UNION ALL
    MATCH ()-[r:MENTIONS]->() USING INDEX r:MENTIONS(eid, published) WHERE r.eid = e.id AND r.published = d RETURN r
  }
  RETURN r AS first ORDER BY startNode(r).id LIMIT 1
}

// Fragment: the entity e's earliest dated link (any role) as `first`, or null.
// One seek of each type's (r.eid, r.published) index, in date order: a hub
// entity's thousands of links are not walked. Ties: earlier paper id.
OPTIONAL CALL (e) {
  CALL (e) {
    MATCH ()-[r:PROPOSES]->() WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r ORDER BY r.published LIMIT 1
    UNION ALL
    MATCH ()-[r:USES]->() WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r ORDER BY r.published LIMIT 1
    UNION ALL
    MATCH ()-[r:EVALUATES_ON]->() WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r ORDER BY r.published LIMIT 1
    UNION ALL
    MATCH ()-[r:COMPARES_WITH]->() WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r ORDER BY r.published LIMIT 1
    UNION ALL
    MATCH ()-[r:MENTIONS]->() WHERE r.eid = e.id AND r.published IS NOT NULL
    RETURN r ORDER BY r.published LIMIT 1
  }
  RETURN r AS first ORDER BY r.published, startNode(r).id LIMIT 1
}

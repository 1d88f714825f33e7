// Fragment: from (key, p, r, e) rows of one author's or venue's papers and
// their links, the entities most papers name, optionally of one type and role.
WHERE ($type IS NULL OR e.type = $type) AND ($role IS NULL OR type(r) = $role)
WITH key, e, count(DISTINCT p) AS papers
ORDER BY papers DESC, e.id
WITH key, collect({entity: e {/* #include projections/entity */}, papers: papers})[..toInteger($limit)] AS top
RETURN key, top

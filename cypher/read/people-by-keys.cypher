// Authors or venues by normalised name key, with their paper counts (the
// node's degree). Several authors may share a name (told apart by ids): the
// one with the most papers answers.
UNWIND $keys AS key
CALL (key) {
  OPTIONAL MATCH (a:Author {key: key}) WHERE $label = 'Author'
  OPTIONAL MATCH (v:Venue {key: key}) WHERE $label = 'Venue'
  WITH coalesce(a, v) AS n
  WHERE n IS NOT NULL
  RETURN n, COUNT { (n)<-[:AUTHORED_BY|PUBLISHED_IN]-() } AS paperCount
  ORDER BY paperCount DESC, n.uid
  LIMIT 1
}
RETURN key, n.uid AS uid, n.name AS name, paperCount, n {.orcid, .openalexId, .s2Id} AS ids

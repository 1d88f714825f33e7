// Each paper's authors (in order), venue, DOI and other sources' ids.
UNWIND $ids AS id
MATCH (p:Paper {id: id})
CALL (p) {
  OPTIONAL MATCH (p)-[r:AUTHORED_BY]->(a:Author)
  WITH r, a ORDER BY r.position
  RETURN collect(a {.uid, .key, .name, .orcid, .openalexId, .s2Id}) AS authors
}
OPTIONAL MATCH (p)-[:PUBLISHED_IN]->(v:Venue)
RETURN id, authors, v {.key, .name} AS venue, p.doi AS doi, coalesce(p.externalIds, []) AS externalIds

// Full-text search over papers (title, abstract) and entity names, merged by score.
CALL (*) {
  CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: toInteger($limit)}) YIELD node, score
  RETURN score, node {/* #include projections/paper(node) */} AS paper, null AS entity
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: toInteger($limit)}) YIELD node, score
  RETURN score, null AS paper, node {/* #include projections/entity */} AS entity
}
RETURN score, paper, entity
ORDER BY score DESC, coalesce(paper.id, entity.id)
LIMIT toInteger($limit)

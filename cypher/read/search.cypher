// Papers without .abstract: Paper.abstract reads it (read/papers-by-ids) only when asked.
// Full-text search over papers (title, abstract) and entity names, merged by score.
CALL (*) {
  CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: toInteger($limit)}) YIELD node, score
  RETURN score, node {.id, .title, .url, published: toString(node.published), .authors, .arxivId} AS paper, null AS entity
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: toInteger($limit)}) YIELD node, score
  RETURN score, null AS paper, node {.id, .type, .key, .name, .aliases, .paperCount} AS entity
}
RETURN score, paper, entity
ORDER BY score DESC, coalesce(paper.id, entity.id)
LIMIT toInteger($limit)

// Counts from Neo4j's count store: constant time whatever the graph size.
CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () {
  MATCH (:Paper)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(:Entity) RETURN count(r) AS relationships
}
CALL () {
  UNWIND ['Paper', 'Model', 'Dataset', 'Method', 'Task', 'Metric'] AS label
  CALL (label) { MATCH (n:$(label)) RETURN count(n) AS c }
  RETURN collect({type: label, count: c}) AS labels
}
CALL () {
  UNWIND ['PROPOSES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'MENTIONS', 'VARIANT_OF'] AS relType
  CALL (relType) { MATCH ()-[r:$(relType)]->() RETURN count(r) AS c }
  RETURN collect({type: relType, count: c}) AS rels
}
RETURN papers, entities, relationships, labels + rels AS byType

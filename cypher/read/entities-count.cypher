// totalCount of an entity list. Without a full-text query, Neo4j's count store
// (constant time): all entities, or those of the type's label, each written out
// (a dynamic label, or a count behind a condition, is planned as a scan).
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (e:Model) RETURN count(e) AS models }
CALL () { MATCH (e:Dataset) RETURN count(e) AS datasets }
CALL () { MATCH (e:Method) RETURN count(e) AS methods }
CALL () { MATCH (e:Task) RETURN count(e) AS tasks }
CALL () { MATCH (e:Metric) RETURN count(e) AS metrics }
OPTIONAL CALL () {
  WITH 1 AS go WHERE $query IS NOT NULL
  CALL () {
    // #include read/entities-matching
    RETURN count(DISTINCT e) AS n
  }
  RETURN n AS matching
}
RETURN CASE WHEN $query IS NOT NULL THEN matching
            WHEN $type IS NULL THEN entities
            ELSE {model: models, dataset: datasets, method: methods, task: tasks, metric: metrics}[$type] END AS total

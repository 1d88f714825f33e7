// Counts from Neo4j's count store: constant time whatever the graph size. Each
// label and relationship type is written out: a dynamic one (MATCH (n:$(label)))
// is planned as a scan of every node or relationship, not a count-store read.
// Only papers hold the extracted relationship types, so their sum counts the links.
CALL () { MATCH (n:Paper) RETURN count(n) AS papers }
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (n:Model) RETURN count(n) AS models }
CALL () { MATCH (n:Dataset) RETURN count(n) AS datasets }
CALL () { MATCH (n:Method) RETURN count(n) AS methods }
CALL () { MATCH (n:Task) RETURN count(n) AS tasks }
CALL () { MATCH (n:Metric) RETURN count(n) AS metrics }
CALL () { MATCH ()-[r:PROPOSES]->() RETURN count(r) AS proposes }
CALL () { MATCH ()-[r:USES]->() RETURN count(r) AS uses }
CALL () { MATCH ()-[r:EVALUATES_ON]->() RETURN count(r) AS evaluatesOn }
CALL () { MATCH ()-[r:COMPARES_WITH]->() RETURN count(r) AS comparesWith }
CALL () { MATCH ()-[r:MENTIONS]->() RETURN count(r) AS mentions }
CALL () { MATCH ()-[r:VARIANT_OF]->() RETURN count(r) AS variantOf }
RETURN papers, entities, proposes + uses + evaluatesOn + comparesWith + mentions AS relationships,
       [{type: 'Paper', count: papers}, {type: 'Model', count: models}, {type: 'Dataset', count: datasets},
        {type: 'Method', count: methods}, {type: 'Task', count: tasks}, {type: 'Metric', count: metrics},
        {type: 'PROPOSES', count: proposes}, {type: 'USES', count: uses}, {type: 'EVALUATES_ON', count: evaluatesOn},
        {type: 'COMPARES_WITH', count: comparesWith}, {type: 'MENTIONS', count: mentions},
        {type: 'VARIANT_OF', count: variantOf}] AS byType

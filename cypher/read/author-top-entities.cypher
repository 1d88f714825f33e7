// The entities most of an author's papers name: one walk over those papers' links.
UNWIND $keys AS key
MATCH (:Author {key: key})<-[:AUTHORED_BY]-(p:Paper)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
// #include read/people-top-entities

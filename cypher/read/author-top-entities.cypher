// The entities most of an author's papers name: one walk over those papers' links.
// Authors by uid (a name key may be several people, told apart by ids).
UNWIND $keys AS key
MATCH (:Author {uid: key})<-[:AUTHORED_BY]-(p:Paper)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
// #include read/people-top-entities

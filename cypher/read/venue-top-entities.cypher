// The entities most of a venue's papers name: one walk over those papers' links.
UNWIND $keys AS key
MATCH (:Venue {key: key})<-[:PUBLISHED_IN]-(p:Paper)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(e:Entity)
// #include read/people-top-entities

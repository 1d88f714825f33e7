// Every paper, from Neo4j's count store (constant time).
MATCH (p:Paper) RETURN count(p) AS total

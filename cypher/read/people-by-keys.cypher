// Authors or venues by normalised name key, with their paper counts (the node's degree).
UNWIND $keys AS key
OPTIONAL MATCH (a:Author {key: key}) WHERE $label = 'Author'
OPTIONAL MATCH (v:Venue {key: key}) WHERE $label = 'Venue'
WITH key, coalesce(a, v) AS n
WHERE n IS NOT NULL
RETURN key, n.name AS name, COUNT { (n)<-[:AUTHORED_BY|PUBLISHED_IN]-() } AS paperCount

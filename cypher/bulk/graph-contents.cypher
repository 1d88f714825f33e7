// Whether a graph holds anything but the migrations' records (a bulk load only
// fills an empty database): its papers (from the count store) and the label of
// one node that is not a :Backfill record, if any.
CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
OPTIONAL CALL () { MATCH (n) WHERE NOT n:Backfill RETURN labels(n)[0] AS label LIMIT 1 }
RETURN papers, label

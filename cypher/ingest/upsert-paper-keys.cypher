// Identity keys -> paper id, so a later record of the same paper from another
// source (same arXiv id, DOI or source id) finds this node. The first paper to
// claim a key keeps it (a DOI wrongly shared by two works never merges them later).
UNWIND $keys AS row
MERGE (k:PaperKey {key: row.key})
ON CREATE SET k.paper = row.paper
RETURN count(k) AS keys

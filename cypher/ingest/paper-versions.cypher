// What the graph already holds for these papers, to skip unchanged ones.
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p.id AS id, p.contentHash AS contentHash, p.extractorVersion AS extractorVersion

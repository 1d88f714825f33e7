UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p {.id, .title, .abstract, .url, .published, .authors, .arxivId} AS paper

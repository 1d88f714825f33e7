// Whole papers, abstract included (the paper loader; Paper.abstract of listed papers).
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p {.id, .title, .abstract, .url, published: toString(p.published), .authors, .arxivId} AS paper

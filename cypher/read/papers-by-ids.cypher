// Whole papers, abstract included (the paper loader; Paper.abstract of listed papers).
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p {/* #include projections/paper(p) */, .abstract} AS paper

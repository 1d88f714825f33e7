// Identity keys of papers (ingest/upsert-paper-keys): one node per key, unique,
// so two writers cannot give one arXiv id or DOI to two papers.
CREATE CONSTRAINT paper_key IF NOT EXISTS FOR (k:PaperKey) REQUIRE k.key IS UNIQUE;
// Papers stored before keys existed get their arXiv id's key (once per database).
MATCH (p:Paper) WHERE p.arxivId IS NOT NULL
CALL (p) {
  MERGE (k:PaperKey {key: 'arxiv:' + p.arxivId})
  ON CREATE SET k.paper = p.id
} IN TRANSACTIONS OF 5000 ROWS;

// Full-text search over papers and entity names (Lucene, standard analyzer).
// Eventually consistent: Lucene is updated just after commit, in the
// background, instead of inside every write transaction; ingest waits for it
// once at the end (read/await-fulltext) so searches see what it wrote.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};

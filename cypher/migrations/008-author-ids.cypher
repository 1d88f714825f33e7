// Authors are told apart by ids when sources give them (ORCID, OpenAlex,
// Semantic Scholar; db/author-identity.ts): two people of one name are two
// nodes, so the name key is indexed, not unique, and each node has a uid.
DROP CONSTRAINT author_key IF EXISTS;
CREATE INDEX author_name_key IF NOT EXISTS FOR (a:Author) ON (a.key);
CREATE CONSTRAINT author_uid IF NOT EXISTS FOR (a:Author) REQUIRE a.uid IS UNIQUE;
CREATE CONSTRAINT author_orcid IF NOT EXISTS FOR (a:Author) REQUIRE a.orcid IS UNIQUE;
CREATE CONSTRAINT author_openalex IF NOT EXISTS FOR (a:Author) REQUIRE a.openalexId IS UNIQUE;
CREATE CONSTRAINT author_s2 IF NOT EXISTS FOR (a:Author) REQUIRE a.s2Id IS UNIQUE;
// Authors stored before: one per name, so the name is their uid.
MATCH (a:Author) WHERE a.uid IS NULL
CALL (a) { SET a.uid = 'name:' + a.key } IN TRANSACTIONS OF 10000 ROWS;

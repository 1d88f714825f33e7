// Which stored paper each incoming paper is: the one with its id, else the one
// holding any of its identity keys (arXiv id, DOI, a source's own id; see
// ingest/paper-identity.ts), with what is stored about it so the two can be
// merged. `sameId` tells an update of the same record (replaced) from another
// source's record of the paper (merged).
UNWIND $rows AS row
OPTIONAL MATCH (direct:Paper {id: row.id})
OPTIONAL MATCH (k:PaperKey) WHERE direct IS NULL AND k.key IN row.keys
WITH row, direct, collect(k.paper)[0] AS keyed
WITH row, direct IS NOT NULL AS sameId, coalesce(direct.id, keyed) AS pid
MATCH (p:Paper {id: pid})
RETURN row.id AS id, p.id AS paper, sameId,
       p.title AS title, p.abstract AS abstract, p.url AS url,
       toString(p.published) AS published, p.datePrecision AS datePrecision,
       p.authors AS authors, p.authorIds AS authorIds, p.arxivId AS arxivId, p.doi AS doi, p.venue AS venue,
       p.externalIds AS externalIds, p.recordIds AS recordIds, p.contentHash AS contentHash, p.extractorVersion AS extractorVersion

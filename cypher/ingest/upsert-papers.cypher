UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title,
    p.titleSort = toLower(row.title),
    p.abstract = row.abstract,
    p.url = row.url,
    p.published = CASE WHEN row.published IS NULL THEN null ELSE date(row.published) END,
    p.authors = row.authors,
    p.authorIds = row.authorIds,
    p.arxivId = row.arxivId,
    p.doi = row.doi,
    p.venue = row.venue,
    p.externalIds = row.externalIds,
    p.datePrecision = row.datePrecision,
    p.recordIds = row.recordIds,
    p.source = coalesce(row.source, p.source),
    p.contentHash = row.contentHash,
    p.extractorVersion = row.extractorVersion,
    p.ingestedAt = datetime()
RETURN count(p) AS papers

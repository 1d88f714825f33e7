// Replaces links' copied evidence by offsets into their paper's text (see
// legacy-evidence-page) and drops the link's copy of the extractor version
// (the paper keeps it). Records how far the migration got, in the same
// transaction, so an interrupted run resumes after the last committed page.
UNWIND $links AS l
MATCH ()-[r]->() WHERE elementId(r) = l.link
SET r.evidence = [x IN l.evidence | toInteger(x)]
REMOVE r.texts, r.sentences, r.starts, r.ends, r.fields, r.extractorVersion
WITH count(r) AS migrated
MERGE (b:Backfill {name: $progress})
SET b.after = $after
RETURN migrated

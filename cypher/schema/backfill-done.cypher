// Whether a data backfill (a migration statement that rewrites data) has run
// on this database: it is recorded once done, so later starts skip its scan.
OPTIONAL MATCH (b:Backfill {name: $name})
RETURN b IS NOT NULL AS done

// Records that a data backfill has run (see backfill-done).
MERGE (b:Backfill {name: $name})
ON CREATE SET b.doneAt = datetime()

// Where a backfill that pages through the graph stopped (null: not started).
OPTIONAL MATCH (b:Backfill {name: $name})
RETURN b.after AS after

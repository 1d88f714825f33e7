// One node per (type, canonical key). The first name seen is kept for display;
// aliases accumulate, and each spelling gets an Alias node for exact lookups.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
  ON CREATE SET e.type = row.type, e.key = row.key, e.name = row.name, e.nameSort = toLower(row.name),
                e.paperCount = 0, e.aliases = []
SET e:$(row.label)
SET e.aliases = reduce(acc = e.aliases, a IN row.aliases | CASE WHEN a IN acc OR a = e.name THEN acc ELSE acc + a END)
SET e.aliasText = reduce(s = '', a IN e.aliases | s + ' ' + a)
WITH e, row
UNWIND row.aliasKeys AS key
MERGE (a:Alias {key: key})
MERGE (a)-[:NAMES]->(e)
RETURN count(DISTINCT e) AS entities

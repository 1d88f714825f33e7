// One node per (type, canonical key). The first name seen is kept for display;
// aliases accumulate, and each spelling's key gets an Alias node for exact
// lookups. Entities met again with nothing new are left untouched (no write
// lock, no transaction state): most rows of a large import are such repeats.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
  ON CREATE SET e.type = row.type, e.key = row.key, e.name = row.name, e.nameSort = toLower(row.name),
                e.paperCount = 0, e.aliases = [], e.aliasKeys = [], e:$(row.label)
WITH e, row,
     [a IN row.aliases WHERE NOT a IN e.aliases AND a <> e.name] AS newAliases,
     [k IN row.aliasKeys WHERE NOT k IN e.aliasKeys] AS newKeys
CALL (e, newAliases) {
  WITH e, newAliases WHERE size(newAliases) > 0
  SET e.aliases = e.aliases + newAliases,
      e.aliasText = reduce(s = '', a IN e.aliases + newAliases | s + ' ' + a)
}
CALL (e, newKeys) {
  WITH e, newKeys WHERE size(newKeys) > 0
  SET e.aliasKeys = e.aliasKeys + newKeys
  WITH e, newKeys
  UNWIND newKeys AS key
  MERGE (a:Alias {key: key})
  MERGE (a)-[:NAMES]->(e)
}
// Element ids let the link statement find each entity without an index seek.
RETURN row.id AS id, elementId(e) AS elementId

// The Author nodes a batch's authors may be (see db/author-identity.ts): those
// holding one of their ids, and those of their name keys. Each by an index.
CALL () {
  MATCH (a:Author) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Author) WHERE a.orcid IN $orcid RETURN a
  UNION
  MATCH (a:Author) WHERE a.openalexId IN $openalexId RETURN a
  UNION
  MATCH (a:Author) WHERE a.s2Id IN $s2Id RETURN a
}
RETURN a.uid AS uid, a.key AS key, a.orcid AS orcid, a.openalexId AS openalexId, a.s2Id AS s2Id

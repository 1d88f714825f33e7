// Papers in id order after $after, those extracted by another version than
// $version (or all of them), with what re-ingesting them needs.
MATCH (p:Paper)
WHERE ($after IS NULL OR p.id > $after)
  AND ($all OR p.extractorVersion IS NULL OR p.extractorVersion <> $version)
RETURN p {.id, .title, .abstract, .url, .authors, .arxivId, published: toString(p.published)} AS paper
ORDER BY p.id
LIMIT toInteger($limit)

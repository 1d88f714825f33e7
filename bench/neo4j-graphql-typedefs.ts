// @neo4j/graphql (v7) type definitions equivalent to papergraph's stored graph,
// used by the API benchmark as the baseline server.
//
// The graph: (:Paper)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS
// {confidence, evidence}]->(:Entity:Model|Dataset|...), evidence being offsets into the
// paper's title and abstract (src/db/evidence.ts; a client of this baseline cuts the text itself)
// and (:Entity)-[:VARIANT_OF]->(:Entity). @neo4j/graphql has no "any of these
// relationship types" field, so each role is its own relationship field; the
// entity's papers across roles (newest first) and the co-occurrence table are
// @cypher fields with the same Cypher papergraph's statements use (the closest
// equivalent the library can express). Full-text search uses @fulltext over the
// same two indexes papergraph queries (paper_text, entity_names).

export const ROLE_FIELDS = [
  { type: 'PROPOSES', out: 'proposes', in: 'proposedIn' },
  { type: 'USES', out: 'uses', in: 'usedIn' },
  { type: 'EVALUATES_ON', out: 'evaluatesOn', in: 'evaluatedIn' },
  { type: 'COMPARES_WITH', out: 'comparesWith', in: 'comparedIn' },
  { type: 'MENTIONS', out: 'mentions', in: 'mentionedIn' },
] as const;

const ENTITY_LABELS = ['Model', 'Dataset', 'Method', 'Task', 'Metric'] as const;

const entityFields = `
  id: ID!
  type: String!
  key: String!
  name: String!
  aliases: [String!]!
  aliasText: String
  paperCount: Int!
${ROLE_FIELDS.map((r) => `  ${r.in}: [Paper!]! @relationship(type: "${r.type}", direction: IN, properties: "Mention")`).join('\n')}
  "The entity's papers in any role, newest first."
  papers(first: Int = 20): [Paper!]!
    @cypher(
      statement: """
      MATCH (this)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
      RETURN p ORDER BY p.published DESC, p.id LIMIT toInteger($first)
      """
      columnName: "p"
    )
`;

export const neo4jGraphqlTypeDefs = `
"Evidence and confidence of one paper-entity link (the relationship's properties)."
type Mention @relationshipProperties {
  confidence: Float!
  "Per mention: field (0 title, 1 abstract), start, end, sentence start, sentence end."
  evidence: [Int!]!
}

type Paper @node @fulltext(indexes: [{ indexName: "paper_text", queryName: "searchPapers", fields: ["title", "abstract"] }]) {
  id: ID!
  title: String!
  abstract: String!
  url: String
  published: Date
  authors: [String!]!
  arxivId: String
${ROLE_FIELDS.map((r) => `  ${r.out}: [Entity!]! @relationship(type: "${r.type}", direction: OUT, properties: "Mention")`).join('\n')}
}

"Any entity (label Entity); type is model, dataset, method, task or metric."
type Entity @node @fulltext(indexes: [{ indexName: "entity_names", queryName: "searchEntities", fields: ["name", "aliasText"] }]) {${entityFields}
  variantOf: [Entity!]! @relationship(type: "VARIANT_OF", direction: OUT)
  variants: [Entity!]! @relationship(type: "VARIANT_OF", direction: IN)
}

${ENTITY_LABELS.map((l) => `type ${l} @node(labels: ["${l}", "Entity"]) {${entityFields}}`).join('\n\n')}

type EntityInfo {
  id: ID!
  type: String!
  name: String!
  paperCount: Int!
}

type CooccurrenceCell {
  row: EntityInfo!
  column: EntityInfo!
  papers: Int!
}

type Query {
  "Papers linking a row entity and a column entity (the aggregation over the links papergraph ran before it kept counts: check/cooccurrence-recount)."
  cooccurrence(rows: String!, columns: String!, minPapers: Int! = 1, first: Int! = 20): [CooccurrenceCell!]!
    @cypher(
      statement: """
      MATCH (r:Entity {type: $rows})<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(p:Paper)
            -[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(c:Entity {type: $columns})
      WHERE r <> c AND ($rows <> $columns OR r.id < c.id)
      WITH r, c, count(*) AS papers
      WHERE papers >= $minPapers
      WITH r, c, papers
      ORDER BY papers DESC, r.id, c.id
      LIMIT toInteger($first)
      RETURN {row: r {.id, .type, .name, .paperCount}, column: c {.id, .type, .name, .paperCount}, papers: papers} AS cell
      """
      columnName: "cell"
    )
}
`;

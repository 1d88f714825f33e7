// The explorer's only connection to the outside: POST /graphql on the page's own host.

export class GraphQLRequestError extends Error {}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = await res.json();
  } catch {
    throw new GraphQLRequestError(`The server answered ${res.status} without JSON`);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new GraphQLRequestError(`The server answered ${res.status} without data`);
  return body.data;
}

export const ENTITY_TYPES = ['MODEL', 'DATASET', 'METHOD', 'TASK', 'METRIC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const ROLES = ['PROPOSES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'MENTIONS'] as const;
export type Role = (typeof ROLES)[number];

export const TYPE_LABEL: Record<EntityType, string> = { MODEL: 'model', DATASET: 'dataset', METHOD: 'method', TASK: 'task', METRIC: 'metric' };
export const ROLE_LABEL: Record<Role, string> = {
  PROPOSES: 'proposes',
  USES: 'uses',
  EVALUATES_ON: 'evaluates on',
  COMPARES_WITH: 'compares with',
  MENTIONS: 'mentions',
};

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
  paperCount?: number;
}

export interface PaperRef {
  id: string;
  title: string;
  published?: string | null;
  authors?: string[];
}

/** "1 paper", "3 papers". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

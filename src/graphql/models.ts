// The shapes resolvers pass between each other (what src/db returns).

export interface PaperModel {
  __kind: 'Paper';
  id: string;
  title: string;
  /**
   * Statements that list papers leave the abstract out (it is most of a
   * paper's bytes and list views rarely show it); Paper.abstract loads it
   * for all papers of a request in one statement when it is asked for.
   */
  abstract?: string;
  url: string | null;
  published: string | null;
  authors: string[] | null;
  arxivId: string | null;
}

export interface EntityModel {
  __kind: 'Entity';
  id: string;
  type: string;
  key: string;
  name: string;
  aliases: string[];
  paperCount: number;
}

export type NodeModel = PaperModel | EntityModel;

export interface PaperConnectionModel {
  edges: { cursor: string; node: PaperModel }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when the client asks for totalCount. */
  totalCount: () => Promise<number> | number;
}

export interface EntityConnectionModel {
  edges: { cursor: string; node: EntityModel }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number> | number;
}

export const asPaper = (row: unknown): PaperModel => ({ __kind: 'Paper', ...(row as Omit<PaperModel, '__kind'>) });
export const asEntity = (row: unknown): EntityModel => ({ __kind: 'Entity', ...(row as Omit<EntityModel, '__kind'>) });

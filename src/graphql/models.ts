// The shapes resolvers pass between each other: the projections src/db reads
// (src/db/projections.ts), tagged with their kind for Node's type resolution.
import type { EntityProjection, PaperProjection } from '../db/projections.js';

export interface PaperModel extends PaperProjection {
  __kind: 'Paper';
  /**
   * Statements that list papers leave the abstract out (it is most of a
   * paper's bytes and list views rarely show it); Paper.abstract loads it
   * for all papers of a request in one statement when it is asked for.
   */
  abstract?: string | null;
}

export interface EntityModel extends EntityProjection {
  __kind: 'Entity';
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

export const asPaper = (paper: PaperProjection & { abstract?: string | null }): PaperModel => ({ __kind: 'Paper', ...paper });
export const asEntity = (entity: EntityProjection): EntityModel => ({ __kind: 'Entity', ...entity });

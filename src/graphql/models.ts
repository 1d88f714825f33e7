// The shapes resolvers pass between each other: the projections src/db reads
// (src/db/projections.ts), tagged with their kind for Node's type resolution.
import type { LinkRole } from '../db/graph-batch.js';
import type { PeopleLabel } from '../db/people-reads.js';
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

/** Entities first seen in a range: an entity connection whose edges carry the date. */
export interface NewEntityConnectionModel extends Omit<EntityConnectionModel, 'edges'> {
  edges: { cursor: string; node: EntityModel; firstSeen: string }[];
}

/** Where an entity first appears: FirstSeen.paper loads the paper by id when asked. */
export interface FirstSeenModel {
  date: string;
  role: LinkRole;
  paperId: string;
}

/** An author or a venue (schema/people.graphql). */
export interface PersonModel {
  label: PeopleLabel;
  key: string;
  /** Authors only: the node's uid (a name key may be several people). */
  uid?: string;
  name: string;
  paperCount?: number;
  ids?: string[];
}

export const asPaper = (paper: PaperProjection & { abstract?: string | null }): PaperModel => ({ __kind: 'Paper', ...paper });
export const asEntity = (entity: EntityProjection): EntityModel => ({ __kind: 'Entity', ...entity });

/**
 * The EntityType enum's values as stored (`dataset`): the resolver map gives
 * it to Apollo, so arguments arrive and `type` fields leave through it, and
 * codegen.ts types the enum by it. A TypeScript enum because codegen maps an
 * enum's values from one (an inline map types the enum's fields as null).
 */
export enum EntityTypeValue {
  MODEL = 'model',
  DATASET = 'dataset',
  METHOD = 'method',
  TASK = 'task',
  METRIC = 'metric',
}

// A candidate's name group: the candidates of one group become one entity. There are three
// kinds, and they are built and read only here:
// - a lexicon entry (its type and key, and the key of a variant the list holds as its base),
// - an acronym the paper defines (its short form's key),
// - any other name (its own key).
import type { EntityType } from './types.js';

/** A name group; build it with the functions below, never by hand. */
export type Group = string & { readonly __group: unique symbol };

const make = (tag: 'e' | 'a' | 'k', rest: string) => `${tag}:${rest}` as Group;

/** The group of a lexicon entry (`variantKey`: a variant's own key, when the list holds only its base). */
export const entryGroup = (type: EntityType, entryKey: string, variantKey?: string): Group =>
  make('e', variantKey === undefined ? `${type}:${entryKey}` : `${type}:${entryKey}:${variantKey}`);

/** The group of an acronym the paper defines, by its short form's key. */
export const acronymGroup = (shortKey: string): Group => make('a', shortKey);

/** The group of any other name, by its key. */
export const nameGroup = (key: string): Group => make('k', key);

export const isAcronymGroup = (g: Group): boolean => g.startsWith('a:');

/** The key of a nameGroup, or null for the other kinds. */
export const nameGroupKey = (g: Group): string | null => (g.startsWith('k:') ? g.slice(2) : null);

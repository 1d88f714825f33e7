// Converts driver values (temporal types, nodes) to plain JS so nothing above
// src/db ever sees a neo4j-driver type.
import neo4j from 'neo4j-driver';

/**
 * Converts in place: the rows are fresh objects the driver built for this
 * result and nobody else holds, and copying every map and list of a page
 * (evidence lists included) cost more than the query's own decoding.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers (integers arrive as numbers): return them first.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === undefined || (v !== null && typeof v === 'object')) value[i] = toNative(v);
    }
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const k of Object.keys(map)) {
      const v = map[k];
      if (v === undefined || (v !== null && typeof v === 'object')) map[k] = toNative(v);
    }
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  const v = value as { properties?: Record<string, unknown>; labels?: string[] };
  if (v.properties && v.labels) return toNative(v.properties);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, x]) => [k, toNative(x)]));
}

// Converts driver values (temporal types, nodes) to plain JS so nothing above
// src/db ever sees a neo4j-driver type.
import neo4j from 'neo4j-driver';

export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toNative);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  if (typeof value === 'object') {
    const v = value as { properties?: Record<string, unknown>; labels?: string[] };
    if (v.properties && v.labels) return toNative(v.properties);
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, x]) => [k, toNative(x)]));
  }
  return value;
}

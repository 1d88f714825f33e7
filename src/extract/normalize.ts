// Matching is case-insensitive and ignores hyphens, spaces and punctuation
// (ENTITIES.md): "CIFAR-100", "cifar 100" and "CIFAR100" share one key.
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** Canonical key of a name: lowercase letters and digits only (Unicode-aware). */
export function normalizeKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The singular a plural name key may have ("llms" -> "llm", "cnns" -> "cnn"), or undefined.
 * Only keys of four characters or more: shorter ones ending in s are words ("its", "has",
 * "gas") far more often than plurals.
 */
export function singularKey(key: string): string | undefined {
  return key.length > 3 && key.endsWith('s') ? key.slice(0, -1) : undefined;
}

import neo4j from 'neo4j-driver';

/**
 * Which properties name a node, per label: the first non-empty one wins. `*` applies to every node,
 * after the rules of its own labels. Keys are tried in the order written, so the first rule listed
 * that matches one of the node's labels decides.
 */
export type CaptionRules = Record<string, string[]>;

/** Used when NEXO_CAPTION_RULES is unset, and for `*` when the variable leaves it out. */
export const defaultCaptionRules: CaptionRules = { '*': ['name', 'title', 'code', 'address', 'id'] };

/** A node's display name by the rules: the first non-empty property its labels' rules name, then `*`'s; '' if none. */
export function captionFor(labels: readonly string[], properties: Record<string, unknown>, rules: CaptionRules): string {
  const own = Object.keys(rules).filter((label) => label !== '*' && labels.includes(label));
  for (const label of [...own, '*']) {
    for (const key of rules[label] ?? []) {
      const text = displayText(properties[key]);
      if (text !== '') return text;
    }
  }
  return '';
}

/** Property values as people read them: lists joined, Neo4j Integers and temporals by their string form. */
function displayText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value
      .map(displayText)
      .filter((text) => text !== '')
      .join(', ');
  if (neo4j.isInt(value)) return value.toString();
  return String(value).trim();
}

/**
 * Labels and relationship types cannot be Cypher parameters, and Neo4j 5.26 plans dynamic `$(…)` identifiers as
 * full scans. So queries that need an index, the count store or typed expansion get identifiers written in:
 * only names read from the database itself (see schema.service.ts), always quoted here.
 */

/** A label or relationship type as a backtick-quoted Cypher identifier. */
export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** Fills each {{slot}} of a Cypher template; a slot left unfilled or a value never used is a programming error. */
export function fillCypherTemplate(template: string, slots: Record<string, string>): string {
  const used = new Set<string>();
  const filled = template.replace(/\{\{(\w+)\}\}/g, (_match, slot: string) => {
    const value = slots[slot];
    if (value === undefined) throw new Error(`Cypher template slot {{${slot}}} has no value`);
    used.add(slot);
    return value;
  });
  const unused = Object.keys(slots).filter((slot) => !used.has(slot));
  if (unused.length > 0) throw new Error(`Cypher template has no slot for ${unused.join(', ')}`);
  return filled;
}

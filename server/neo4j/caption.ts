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

/** Per label, the properties whose values, joined by a space, name a node of one dataset (e.g. Person: firstName, surname). */
export type LabelCaptions = Record<string, string[]>;

/** A dataset's captions: those Nexo picked from the data and those the user chose in the UI. */
export interface DatasetCaptions {
  automatic: LabelCaptions;
  overrides: LabelCaptions;
}

/**
 * A node's display name, first found wins (README.md, "Captions"): the user's choice for the dataset and label, a
 * NEXO_CAPTION_RULES rule for one of its labels, the property picked from the data for the label, `name`, the caption
 * the file's format gave (a Pajek label), NEXO_CAPTION_RULES `*`, and last the id.
 */
export function nodeCaption(
  node: { id: string; labels: readonly string[]; properties: Record<string, unknown>; formatCaption: unknown },
  rules: CaptionRules,
  dataset: DatasetCaptions | undefined,
): string {
  const { labels, properties } = node;
  const ownRules = Object.fromEntries(Object.entries(rules).filter(([label]) => label !== '*'));
  const format = typeof node.formatCaption === 'string' ? node.formatCaption : '';
  return (
    joinedCaption(labels, properties, dataset?.overrides) ||
    captionFor(labels, properties, ownRules) ||
    joinedCaption(labels, properties, dataset?.automatic) ||
    displayText(properties.name) ||
    format ||
    captionFor(labels, { id: node.id, ...properties }, { '*': rules['*'] ?? [] }) ||
    node.id
  );
}

/** The values of the first of the node's labels that has captions, joined by a space; '' when they are all empty. */
function joinedCaption(labels: readonly string[], properties: Record<string, unknown>, captions: LabelCaptions | undefined): string {
  if (!captions) return '';
  const label = labels.find((candidate) => captions[candidate]?.length);
  if (label === undefined) return '';
  return captions[label]!.map((key) => displayText(properties[key]))
    .filter((text) => text !== '')
    .join(' ');
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

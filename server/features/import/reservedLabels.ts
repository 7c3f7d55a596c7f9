/**
 * Labels Nexo gives its own nodes, with what they are for. An imported node labelled so would pass for a document or
 * an import record, or (Entity, on every node Nexo stores) lose its label: an export leaves Entity out, so a
 * re-import would give it back as Node.
 */
const RESERVED_LABELS: Record<string, string> = {
  Entity: 'every node Nexo stores (an export could not give it back)',
  Source: "Nexo's source documents",
  Import: "Nexo's import records",
};

/** Why a label cannot be a user's, or undefined when it can. Names starting with `__` are Nexo's bookkeeping (__NexoDataset …). */
export function reservedLabel(label: string): string | undefined {
  if (label.startsWith('__')) return "Nexo's own records (names starting with __)";
  return Object.hasOwn(RESERVED_LABELS, label) ? RESERVED_LABELS[label] : undefined;
}

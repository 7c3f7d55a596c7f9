/** A count as people read it: 12,345. */
export function formatCount(count: number): string {
  return count.toLocaleString('en');
}

/** "1 entity", "3,000 entities": a count with its noun in the right number (English only, like the rest of the UI). */
export function counted(count: number, singular: string, plural: string): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

export const entities = (count: number): string => counted(count, 'entity', 'entities');
export const relationships = (count: number): string => counted(count, 'relationship', 'relationships');

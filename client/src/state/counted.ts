/** "1 entity", "3 entities": a count with its noun in the right number (English only, like the rest of the UI). */
export function counted(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export const entities = (count: number): string => counted(count, 'entity', 'entities');
export const relationships = (count: number): string => counted(count, 'relationship', 'relationships');

/** An English plural's singular by its ending: entities → entity, addresses → address, officers → officer; `status` stays. */
export function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/[^sui]s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** How long a suggestion's hint may be: one line under the name in the search list. */
export const HINT_LENGTH = 70;

/**
 * The first clause of a description, short enough for one line: up to the first full stop or semicolon, then cut
 * at the last comma (or word) that fits, so "Former leader of Shining Path, partaking in …" reads "Former leader of Shining Path".
 */
export function shortDescription(description: string): string | null {
  // A full stop ends the sentence after a word or a number, not after an initial ("Andrés A. Soberón", "U.S.").
  const sentence = description
    .trim()
    .split(/(?<=\p{Ll}{2}|\d|[)"'’”])\.(?=\s|$)|;/u)[0]!
    .trim();
  if (!sentence) return null;
  if (sentence.length <= HINT_LENGTH) return sentence;
  const head = sentence.slice(0, HINT_LENGTH);
  const comma = head.lastIndexOf(',');
  if (comma >= HINT_LENGTH / 3) return head.slice(0, comma);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 0 ? space : HINT_LENGTH).replace(/[,;:\s]+$/u, '')}…`;
}

/** A relationship type as words: LEADER_OF → "leader of". */
export function typeWords(type: string): string {
  return type.toLowerCase().replaceAll('_', ' ');
}

/** The strongest link as a phrase: "leader of Shining Path" going out, "←LEADER_OF— Abimael Guzmán" coming in. */
export function linkHint(link: { type: string; outgoing: boolean; other: string }): string {
  return link.outgoing ? `${typeWords(link.type)} ${link.other}` : `←${link.type}— ${link.other}`;
}

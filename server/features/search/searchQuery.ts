/** The most words of a search that reach the index; more only slow Lucene down without changing the top hits. */
export const MAX_TERMS = 8;
/** Fuzzy matching (one edit) only for words this long: shorter ones would match too much. */
const FUZZY_MIN_LENGTH = 4;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Lower case without accents, like the index's standard-folding analyzer: "Bazán" → "bazan". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The words of a search as the index sees them: folded runs of letters and digits; an apostrophe or dot
 * between letters stays inside the word ("o'brien", "u.s"), as Lucene's standard tokenizer keeps it.
 */
export function searchTerms(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Escapes every character Lucene's query parser treats as syntax. */
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
}

/**
 * The first, cheap search: every word must appear as a prefix (which takes the word itself); an exact word adds a
 * boosted optional clause, and several words also score as a phrase. On 25,000 generated people whose names share a
 * few hundred words this answers in about a third of the time of the typo-tolerant query, whose fuzzy terms dominate
 * the cost, so that one runs only when this finds nothing. The required clauses are the prefixes alone: Lucene then
 * walks each word's postings once to find the matches and scores the exact words only on those. `+(word^3 OR word*)`
 * matched and scored the same (same hits, same scores for the bench's 50 names) but walked them twice: at 10^6
 * relationships, where each generated name word is shared by thousands of people, a whole search (with its hints)
 * cost Neo4j 2.07 ms of CPU with it against 1.87 ms with this, warmed up.
 */
export function allWordsQuery(terms: readonly string[]): string {
  const used = terms.slice(0, MAX_TERMS).map(escapeLucene);
  const clauses = [...used.map((term) => `+${term}*`), ...used.map((term) => `${term}^3`)];
  if (used.length > 1) clauses.push(`"${used.join(' ')}"^4`);
  return clauses.join(' ');
}

/**
 * The fallback when not every word matched: any word exactly (boosted), as a prefix and, for longer words, with one
 * typo; several words also score as a phrase, so "galvez calle" ranks "Gerson Gálvez Calle" above a lone "Calle".
 * Terms are lower case, so AND/OR/NOT typed by a user are words, not operators.
 */
export function luceneQuery(terms: readonly string[]): string {
  const used = terms.slice(0, MAX_TERMS);
  const groups = used.map((term) => {
    const escaped = escapeLucene(term);
    const clauses = [`${escaped}^3`, `${escaped}*`];
    if (term.length >= FUZZY_MIN_LENGTH) clauses.push(`${escaped}~1`);
    return `(${clauses.join(' OR ')})`;
  });
  if (used.length > 1) groups.push(`"${used.map(escapeLucene).join(' ')}"^4`);
  return groups.join(' OR ');
}

export interface RankedCandidate {
  id: string;
  name: string;
  aliases: string[];
  score: number;
}

/**
 * Orders index hits so that a name or alias equal to the search comes first, then names matching more of the
 * words (as word prefixes), then names with fewer words left untyped, then Lucene's score; name and id break ties
 * so equal searches give equal pages.
 */
export function rankCandidates<T extends RankedCandidate>(terms: readonly string[], candidates: readonly T[]): T[] {
  const wanted = terms.join(' ');
  const keyed = candidates.map((candidate) => {
    const names = [candidate.name, ...candidate.aliases].map(searchTerms);
    const exact = names.some((words) => words.join(' ') === wanted);
    const words = names.flat();
    const matched = terms.filter((term) => words.some((word) => word.startsWith(term))).length;
    // Words of the closest name that the search did not type: "Sendero" is nearer "Sendero Luminoso" than "Sendero Luminoso members".
    const unmatched = Math.min(...names.map((nameWords) => nameWords.filter((word) => !terms.some((term) => word.startsWith(term))).length));
    return { candidate, exact, matched, unmatched };
  });
  keyed.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      b.matched - a.matched ||
      a.unmatched - b.unmatched ||
      b.candidate.score - a.candidate.score ||
      compareText(a.candidate.name, b.candidate.name) ||
      compareText(a.candidate.id, b.candidate.id),
  );
  return keyed.map((entry) => entry.candidate);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

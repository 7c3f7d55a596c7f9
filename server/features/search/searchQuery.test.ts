import { describe, expect, it } from 'vitest';
import { allWordsQuery, escapeLucene, fold, luceneQuery, MAX_TERMS, rankCandidates, searchTerms } from './searchQuery.js';

describe('searchTerms', () => {
  it('folds accents and case like the standard-folding analyzer', () => {
    expect(fold('Bazán Arévalo')).toBe('bazan arevalo');
    expect(searchTerms('  Gálvez   CALLE ')).toEqual(['galvez', 'calle']);
  });

  it('drops punctuation and Lucene syntax but keeps apostrophes and dots inside words', () => {
    expect(searchTerms('Joaquín "El Chapo" (Guzmán)~2 AND name:x*')).toEqual(['joaquin', 'el', 'chapo', 'guzman', '2', 'and', 'name', 'x']);
    expect(searchTerms("Peru's U.S policy")).toEqual(["peru's", 'u.s', 'policy']);
  });

  it('finds no words in punctuation alone', () => {
    expect(searchTerms('*?!')).toEqual([]);
  });
});

describe('allWordsQuery', () => {
  it('requires every word as a prefix, boosts exact words, with no typo tolerance', () => {
    expect(allWordsQuery(['sendero'])).toBe('+sendero* sendero^3');
    expect(allWordsQuery(['galvez', 'calle'])).toBe('+galvez* +calle* galvez^3 calle^3 "galvez calle"^4');
  });

  it('escapes the words as the fallback query does', () => {
    expect(allWordsQuery(['a+b'])).toBe('+a\\+b* a\\+b^3');
  });
});

describe('luceneQuery', () => {
  it('asks for each word exactly (boosted), as a prefix and, from four letters, with one typo', () => {
    expect(luceneQuery(['sendero'])).toBe('(sendero^3 OR sendero* OR sendero~1)');
    expect(luceneQuery(['cvr'])).toBe('(cvr^3 OR cvr*)');
  });

  it('adds the words as a boosted phrase when there are several', () => {
    expect(luceneQuery(['galvez', 'calle'])).toBe('(galvez^3 OR galvez* OR galvez~1) OR (calle^3 OR calle* OR calle~1) OR "galvez calle"^4');
  });

  it('escapes every Lucene special character, so no input changes the query structure', () => {
    expect(escapeLucene('a+b-c&d|e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe('a\\+b\\-c\\&d\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t');
  });

  it(`uses at most ${MAX_TERMS} words`, () => {
    const words = Array.from({ length: MAX_TERMS + 4 }, (_, i) => `w${i}`);
    expect(luceneQuery(words)).not.toContain(`w${MAX_TERMS}`);
  });
});

describe('rankCandidates', () => {
  const candidate = (id: string, name: string, score: number, aliases: string[] = []) => ({ id, name, aliases, score });

  it('puts a name or alias equal to the search first, whatever Lucene scored', () => {
    const ranked = rankCandidates(['balarezo'], [candidate('organization:balarezo-gang', 'Balarezo Gang', 9), candidate('person:balarezo', 'Balarezo', 2)]);
    expect(ranked.map((c) => c.id)).toEqual(['person:balarezo', 'organization:balarezo-gang']);
  });

  it('puts names matching more of the words before names matching fewer', () => {
    const ranked = rankCandidates(
      ['galvez', 'calle'],
      [candidate('location:calle', 'Calle Real', 9), candidate('person:gerson-galvez-calle', 'Gerson Gálvez Calle', 3)],
    );
    expect(ranked[0]!.id).toBe('person:gerson-galvez-calle');
  });

  it('puts the name with fewer words left untyped first when as many words match', () => {
    const ranked = rankCandidates(
      ['sendero'],
      [
        candidate('group:captured', 'Captured Sendero Luminoso members', 9, ['Sendero Luminoso members']),
        candidate('organization:shining-path', 'Shining Path', 2, ['Sendero Luminoso']),
      ],
    );
    expect(ranked.map((c) => c.id)).toEqual(['organization:shining-path', 'group:captured']);
  });

  it('breaks equal scores by name then id, so the order is stable', () => {
    const ranked = rankCandidates(['x'], [candidate('b', 'Same', 1), candidate('a', 'Same', 1), candidate('c', 'Other', 1)]);
    expect(ranked.map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });
});

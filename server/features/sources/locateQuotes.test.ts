import { describe, expect, it } from 'vitest';
import { locateQuotes } from './sources.service.js';

describe('locateQuotes', () => {
  const text = 'Alpha met Beta. Beta paid Gamma. Alpha met Beta.';

  it('gives the first occurrence as JavaScript string indices', () => {
    const [located] = locateQuotes(text, [{ quote: 'Alpha met Beta.', use: { kind: 'node', id: 'a' } }]);
    expect(located).toEqual({ quote: 'Alpha met Beta.', start: 0, end: 15, usedBy: [{ kind: 'node', id: 'a' }] });
  });

  it('counts indices in UTF-16 code units, as String.prototype.slice does', () => {
    const accented = 'Guzmán 🙂 led. Bazán fled.';
    const [located] = locateQuotes(accented, [{ quote: 'Bazán fled.', use: { kind: 'node', id: 'b' } }]);
    expect(accented.slice(located!.start!, located!.end!)).toBe('Bazán fled.');
  });

  it('groups the users of one quote, nodes before edges, each once', () => {
    const [located] = locateQuotes(text, [
      { quote: 'Beta paid Gamma.', use: { kind: 'edge', id: 'b-[PAID]->g' } },
      { quote: 'Beta paid Gamma.', use: { kind: 'node', id: 'g' } },
      { quote: 'Beta paid Gamma.', use: { kind: 'node', id: 'b' } },
      { quote: 'Beta paid Gamma.', use: { kind: 'node', id: 'b' } },
    ]);
    expect(located!.usedBy).toEqual([
      { kind: 'node', id: 'b' },
      { kind: 'node', id: 'g' },
      { kind: 'edge', id: 'b-[PAID]->g' },
    ]);
  });

  it('orders quotes by position and puts a quote missing from the text last, with null offsets', () => {
    const located = locateQuotes(text, [
      { quote: 'Not in the text.', use: { kind: 'node', id: 'x' } },
      { quote: 'Beta paid Gamma.', use: { kind: 'node', id: 'b' } },
      { quote: 'Alpha met Beta.', use: { kind: 'node', id: 'a' } },
    ]);
    expect(located.map((quote) => [quote.quote, quote.start, quote.end])).toEqual([
      ['Alpha met Beta.', 0, 15],
      ['Beta paid Gamma.', 16, 32],
      ['Not in the text.', null, null],
    ]);
  });
});

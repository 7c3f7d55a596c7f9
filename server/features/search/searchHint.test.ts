import { describe, expect, it } from 'vitest';
import { HINT_LENGTH, linkHint, shortDescription, typeWords } from './searchHint.js';

describe('shortDescription', () => {
  it('keeps the first clause that fits on a line', () => {
    expect(
      shortDescription('Former leader of Shining Path, partaking in activities against the Peruvian government; MOVADEF follows his aim and ideology.'),
    ).toBe('Former leader of Shining Path');
    expect(shortDescription('City in Peru out of which cocaine was being smuggled by 1950.')).toBe(
      'City in Peru out of which cocaine was being smuggled by 1950',
    );
  });

  it('does not stop at an initial and cuts a long clause at a word, marked with an ellipsis', () => {
    const hint = shortDescription(
      'Trafficker named by Andrés A. Soberón as the man who moved cocaine from the Huallaga Valley to the coast and beyond the border.',
    );
    expect(hint).toMatch(/^Trafficker named by Andrés A\. Soberón as the man who moved cocaine.*…$/);
    expect(hint!.length).toBeLessThanOrEqual(HINT_LENGTH + 1);
  });

  it('gives nothing for an empty description', () => {
    expect(shortDescription('  ')).toBeNull();
  });
});

describe('linkHint', () => {
  it('reads an outgoing link as words and an incoming one as an arrow', () => {
    expect(typeWords('LEADER_OF')).toBe('leader of');
    expect(linkHint({ type: 'LEADER_OF', outgoing: true, other: 'Shining Path' })).toBe('leader of Shining Path');
    expect(linkHint({ type: 'LEADER_OF', outgoing: false, other: 'Abimael Guzmán' })).toBe('←LEADER_OF— Abimael Guzmán');
  });
});

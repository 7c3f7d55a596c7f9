import { describe, expect, it } from 'vitest';
import { linkFamily, linkStyle, typesByFamily } from './linkStyle';

describe('relationship families', () => {
  it('reads the family from the words of a type name', () => {
    expect(linkFamily('PERPETRATOR_OF')).toBe('violence');
    expect(linkFamily('VICTIM_OF')).toBe('violence');
    expect(linkFamily('ARRESTED')).toBe('law');
    expect(linkFamily('EXTRADITED_TO')).toBe('law');
    expect(linkFamily('FINANCED')).toBe('money');
    expect(linkFamily('LAUNDERED_MONEY_FOR')).toBe('money');
    expect(linkFamily('LEADER_OF')).toBe('membership');
    expect(linkFamily('MEMBER_OF')).toBe('membership');
    expect(linkFamily('ALLIED_WITH')).toBe('alliance');
    expect(linkFamily('PARTNER_OF')).toBe('alliance');
    expect(linkFamily('OPERATES_IN')).toBe('geography');
    expect(linkFamily('MAIN_PORT_FOR')).toBe('geography');
    expect(linkFamily('BROTHER_OF')).toBe('kinship');
    expect(linkFamily('married_to')).toBe('kinship');
    expect(linkFamily('CALLED')).toBe('communication');
    expect(linkFamily('MET_WITH')).toBe('communication');
  });

  it('puts types it does not know in "other", each with a stable colour of a qualitative palette', () => {
    expect(linkFamily('XYZZY')).toBe('other');
    expect(linkFamily('INSPIRED')).toBe('other');
    const first = linkStyle('XYZZY');
    expect(linkStyle('XYZZY')).toEqual(first);
    const colours = new Set(['QUUX', 'XYZZY', 'FROBNICATES', 'GRAULTS', 'WIBBLES', 'ZORKED'].map((type) => linkStyle(type).color));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('gives each family its own colour in both themes, and a line or arrowhead beside it', () => {
    const samples = ['KILLED', 'ARRESTED', 'FINANCED', 'LEADER_OF', 'ALLIED_WITH', 'LOCATED_IN', 'SISTER_OF', 'CALLED'];
    for (const theme of ['light', 'dark'] as const) {
      const styles = samples.map((type) => linkStyle(type, theme));
      expect(new Set(styles.map((style) => style.color)).size).toBe(samples.length);
      expect(new Set(styles.map((style) => `${style.line}/${style.arrow}`)).size).toBe(samples.length);
    }
  });

  it('groups types by family in the legend order, sorted within', () => {
    expect(typesByFamily(['OPERATES_IN', 'KILLED', 'LOCATED_IN', 'ATTACKED', 'KILLED'])).toEqual([
      { family: 'violence', types: ['ATTACKED', 'KILLED'] },
      { family: 'geography', types: ['LOCATED_IN', 'OPERATES_IN'] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { assignKindStyles, iconFor, kindStyle, PALETTE } from './nodeStyle';

describe('node styles', () => {
  it('gives 20 and more labels seen together each a colour and shape of their own, the same on every call', () => {
    const labels = Array.from({ length: 30 }, (_, index) => `Label${index}`);
    assignKindStyles(labels);
    const looks = labels.map((label) => `${kindStyle(label).color}|${kindStyle(label).shape}`);
    expect(new Set(looks).size).toBe(30);
    // Colours go first: as many labels as the palette has colours (taken in name order) all differ in colour.
    expect(
      new Set(
        [...labels]
          .sort()
          .slice(0, PALETTE.length)
          .map((label) => kindStyle(label).color),
      ).size,
    ).toBe(PALETTE.length);
    assignKindStyles([...labels].reverse());
    expect(labels.map((label) => `${kindStyle(label).color}|${kindStyle(label).shape}`)).toEqual(looks);
    expect(PALETTE.length).toBeGreaterThanOrEqual(20);
  });

  it('keeps the curated kinds as they were', () => {
    expect(kindStyle('Person')).toMatchObject({ color: '#3b6fd8', shape: 'ellipse' });
    expect(kindStyle('Organization')).toMatchObject({ color: '#d9822b', shape: 'round-rectangle' });
  });

  it('matches icons from label names, any case, with common synonyms and compound names', () => {
    expect(iconFor('Officer')).toBe('person');
    expect(iconFor('SUSPECT')).toBe('person');
    expect(iconFor('Company')).toBe('organisation');
    expect(iconFor('PostCode')).toBe('location');
    expect(iconFor('Vehicle')).toBe('vehicle');
    expect(iconFor('MobilePhone')).toBe('phone');
    expect(iconFor('Email')).toBe('email');
    expect(iconFor('e-mail')).toBe('email');
    expect(iconFor('bank_account')).toBe('account');
    expect(iconFor('Crime')).toBe('crime');
    expect(iconFor('Object')).toBe('object');
    expect(iconFor('Weapons')).toBe('object');
    expect(iconFor('Zorblax')).toBe('other');
  });

  it('draws the glyph in ink on light colours and white on dark ones', () => {
    assignKindStyles(['Pale', 'Dark']);
    for (const label of ['Pale', 'Dark']) {
      const { color, ink } = kindStyle(label);
      const light = parseInt(color.slice(1, 3), 16) * 0.2126 + parseInt(color.slice(3, 5), 16) * 0.7152 + parseInt(color.slice(5, 7), 16) * 0.0722 > 0.6 * 255;
      expect(ink).toBe(light ? '#1d2330' : '#ffffff');
    }
  });
});

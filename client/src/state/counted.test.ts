import { describe, expect, it } from 'vitest';
import { entities, relationships } from './counted';

describe('counted', () => {
  it('puts the noun in the number of its count', () => {
    expect(entities(1)).toBe('1 entity');
    expect(entities(0)).toBe('0 entities');
    expect(relationships(1)).toBe('1 relationship');
    expect(relationships(3)).toBe('3 relationships');
    expect(entities(12345)).toBe('12,345 entities');
  });
});

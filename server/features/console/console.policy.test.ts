import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { assertReadOnly, bracketDepth } from './console.policy.js';

describe('bracketDepth', () => {
  it.each([
    ['MATCH (n) RETURN n', 1],
    ['RETURN {a: [(1)]}', 3],
    [`RETURN ${'['.repeat(65)}1${']'.repeat(65)}`, 65],
  ])('counts the deepest nesting of (), [] and {} in %s', (cypher, depth) => {
    expect(bracketDepth(cypher)).toBe(depth);
  });

  it.each([
    ["RETURN '((((' AS s", 0],
    ['RETURN "[[\\"[[" AS s', 0],
    ["RETURN 'it\\'s (' + ([1])", 2],
    ['MATCH (`a(b`) RETURN 1', 1],
    ['RETURN 1 // ((((\nRETURN [[1]]', 2],
    ['RETURN /* {{{{ */ {a: [1]}', 2],
    ['RETURN 1 /* unclosed ((((', 0],
  ])('ignores brackets in strings, quoted names and comments: %s', (cypher, depth) => {
    expect(bracketDepth(cypher)).toBe(depth);
  });
});

describe('assertReadOnly', () => {
  it('refuses statements Neo4j classifies as writing with a 403', () => {
    for (const queryType of ['w', 'rw']) {
      expect(() => assertReadOnly(queryType)).toThrow(AppError);
      expect(() => assertReadOnly(queryType)).toThrow(expect.objectContaining({ status: 403 }));
    }
  });

  it('lets reads and read-only DBMS procedures (queryType s, e.g. dbms.components) through', () => {
    expect(() => assertReadOnly('r')).not.toThrow();
    expect(() => assertReadOnly('s')).not.toThrow();
  });
});

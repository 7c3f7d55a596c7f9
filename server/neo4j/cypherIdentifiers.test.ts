import { describe, expect, it } from 'vitest';
import { fillCypherTemplate, quoteIdentifier } from './cypherIdentifiers.js';

describe('quoteIdentifier', () => {
  it('wraps a name in backticks and doubles the backticks inside, so it cannot end the identifier', () => {
    expect(quoteIdentifier('LEADER_OF')).toBe('`LEADER_OF`');
    expect(quoteIdentifier('A`]-() DELETE n //')).toBe('`A``]-() DELETE n //`');
  });
});

describe('fillCypherTemplate', () => {
  it('fills every occurrence of each slot', () => {
    expect(fillCypherTemplate('MATCH (n){{p}}(m) MATCH (n){{p}}(o)', { p: '-[r]->' })).toBe('MATCH (n)-[r]->(m) MATCH (n)-[r]->(o)');
  });

  it('refuses a slot without a value and a value without a slot', () => {
    expect(() => fillCypherTemplate('RETURN {{a}}', {})).toThrow('{{a}}');
    expect(() => fillCypherTemplate('RETURN 1', { a: '1' })).toThrow('a');
  });
});

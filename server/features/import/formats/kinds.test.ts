import { describe, expect, it } from 'vitest';
import { labelFromFileName, typeFromFileName } from './kinds.js';

describe('kinds from file names', () => {
  it('names a kind from the words of a node file name, the last made singular', () => {
    expect(labelFromFileName('nodes-officers.csv')).toBe('Officer');
    expect(labelFromFileName('nodes-intermediaries.csv')).toBe('Intermediary');
    expect(labelFromFileName('nodes-addresses.csv')).toBe('Address');
    expect(labelFromFileName('phone_numbers.csv')).toBe('PhoneNumber');
    expect(labelFromFileName('vehicle attributes.csv')).toBe('Vehicle');
    expect(labelFromFileName('status.csv')).toBe('Status');
  });

  it('keeps the plural where the singular is a label Nexo keeps, and gives none for a name that says only "nodes"', () => {
    expect(labelFromFileName('nodes-entities.csv')).toBe('Entities');
    expect(labelFromFileName('nodes.csv')).toBeUndefined();
    expect(labelFromFileName('vertex_table.csv')).toBeUndefined();
  });

  it('types a file of ties by its name', () => {
    expect(typeFromFileName('data/padgett/marriage.csv')).toBe('MARRIAGE');
    expect(typeFromFileName('phase 1.csv')).toBe('PHASE_1');
    expect(typeFromFileName('---.csv')).toBeUndefined();
  });
});

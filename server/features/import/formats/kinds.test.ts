import { describe, expect, it } from 'vitest';
import { labelFromFileName } from './kinds.js';

describe('labelFromFileName', () => {
  it('names a kind from the words of a node file name, the last made singular', () => {
    expect(labelFromFileName('nodes-officers')).toBe('Officer');
    expect(labelFromFileName('nodes-intermediaries')).toBe('Intermediary');
    expect(labelFromFileName('nodes-addresses')).toBe('Address');
    expect(labelFromFileName('phone_numbers')).toBe('PhoneNumber');
    expect(labelFromFileName('vehicle attributes')).toBe('Vehicle');
    expect(labelFromFileName('status')).toBe('Status');
  });

  it('keeps the plural where the singular is a label Nexo keeps, and gives none for a name that says only "nodes"', () => {
    expect(labelFromFileName('nodes-entities')).toBe('Entities');
    expect(labelFromFileName('nodes')).toBeUndefined();
    expect(labelFromFileName('vertex_table')).toBeUndefined();
  });
});

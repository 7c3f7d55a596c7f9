import { describe, expect, it } from 'vitest';
import { labelFromName, typeFromName } from './kinds.js';

describe('kinds from file names', () => {
  it('names a kind from the words of a node file name, the last made singular', () => {
    expect(labelFromName('nodes-officers')).toBe('Officer');
    expect(labelFromName('nodes-intermediaries')).toBe('Intermediary');
    expect(labelFromName('nodes-addresses')).toBe('Address');
    expect(labelFromName('phone_numbers')).toBe('PhoneNumber');
    expect(labelFromName('vehicle attributes')).toBe('Vehicle');
    expect(labelFromName('status')).toBe('Status');
  });

  it('keeps the plural where the singular is a label Nexo keeps, and gives none for a name that says only "nodes"', () => {
    expect(labelFromName('nodes-entities')).toBe('Entities');
    expect(labelFromName('nodes')).toBeUndefined();
    expect(labelFromName('vertex_table')).toBeUndefined();
  });

  it('types a file of ties by its name', () => {
    expect(typeFromName('marriage')).toBe('MARRIAGE');
    expect(typeFromName('phase 1')).toBe('PHASE_1');
    expect(typeFromName('---')).toBeUndefined();
  });
});

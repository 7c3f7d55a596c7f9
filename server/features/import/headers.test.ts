import { describe, expect, it } from 'vitest';
import { parseHeader } from './headers.js';
import { ImportError } from './importError.js';

const where = { file: 'data/persons.csv', line: 1 };
const header = (line: string) => parseHeader(line.split(','), where);

describe('parseHeader', () => {
  it('reads a node header with an ID space, a label column and typed properties', () => {
    expect(header('personId:ID(Person),name,:LABEL,age:int,born:date,tags:string[],:IGNORE')).toEqual({
      role: 'node',
      id: 0,
      label: 2,
      columns: [
        { kind: 'id', space: 'Person', property: 'personId' },
        { kind: 'property', name: 'name', type: 'string', array: false },
        { kind: 'label' },
        { kind: 'property', name: 'age', type: 'int', array: false },
        { kind: 'property', name: 'born', type: 'date', array: false },
        { kind: 'property', name: 'tags', type: 'string', array: true },
        { kind: 'ignore' },
      ],
    });
  });

  it('reads an :ID without a name or space as the global ID space with no extra property', () => {
    expect(header(':ID,name').columns[0]).toEqual({ kind: 'id', space: undefined, property: undefined });
  });

  it('leaves the label column out when there is none (the file name gives the label)', () => {
    expect(header(':ID(Organization),name')).toMatchObject({ role: 'node', label: undefined });
  });

  it('reads a relationship header with ID spaces on both ends and a type column', () => {
    expect(header(':START_ID(Person),:END_ID(Organization),:TYPE,since:date')).toEqual({
      role: 'relationship',
      start: 0,
      end: 1,
      type: 2,
      columns: [
        { kind: 'start', space: 'Person' },
        { kind: 'end', space: 'Organization' },
        { kind: 'type' },
        { kind: 'property', name: 'since', type: 'date', array: false },
      ],
    });
  });

  it('reads a relationship header without :TYPE (the file name gives the type)', () => {
    expect(header(':START_ID,:END_ID')).toMatchObject({ role: 'relationship', type: undefined });
  });

  it('knows every neo4j-admin value type, in any letter case, as scalars and arrays', () => {
    const types = [
      'string',
      'char',
      'boolean',
      'byte',
      'short',
      'int',
      'long',
      'float',
      'double',
      'date',
      'localtime',
      'time',
      'localdatetime',
      'datetime',
      'duration',
    ];
    const parsed = header([':ID', ...types.map((type) => `${type}Value:${type.toUpperCase()}`), ...types.map((type) => `${type}List:${type}[]`)].join(','));
    expect(parsed.columns.slice(1)).toEqual([
      ...types.map((type) => ({ kind: 'property', name: `${type}Value`, type, array: false })),
      ...types.map((type) => ({ kind: 'property', name: `${type}List`, type, array: true })),
    ]);
  });

  it('trims spaces around header fields', () => {
    expect(header(' :ID , name ').columns[1]).toEqual({ kind: 'property', name: 'name', type: 'string', array: false });
  });

  it.each([
    [':ID,age:integer', 'column 2 "age:integer": unknown type or header token "integer"'],
    [':ID,name:FOO', 'unknown type or header token "FOO"'],
    [':ID,at:point', 'type point is not supported'],
    [':ID,:NODE', 'unknown type or header token "NODE"'],
    [':ID,name:string:', 'unknown header token ""'],
    [':ID,when:date{timezone:UTC}', 'header options in {…} are not supported'],
    [':ID,:LABEL(Person)', ':LABEL takes no ID space'],
    [':ID(),name', 'empty ID space in ()'],
    [':ID,:LABEL[]', ':LABEL cannot be an array'],
    [':ID,age:int(Person)', 'type int takes no ID space'],
    [':ID,:int', 'a int column needs a property name before the colon'],
    [':ID,,name', 'empty column name'],
    [':ID,:ID', 'more than one :ID column'],
    [':ID,:LABEL,:LABEL', 'more than one :LABEL column'],
    [':ID,name,name:int', 'property "name" appears in more than one column'],
    ['name,age:int', 'a node header needs an :ID column'],
    [':ID,:START_ID,:END_ID', 'not both'],
    [':START_ID,:TYPE', 'needs both a :START_ID and an :END_ID'],
  ])('rejects "%s" naming the file, line and reason', (line, reason) => {
    const attempt = () => header(line);
    expect(attempt).toThrow(ImportError);
    expect(attempt).toThrow('data/persons.csv:1: ');
    expect(attempt).toThrow(reason);
  });

  it('accepts a named id column called id, stored as data like any property', () => {
    expect(header('id:ID(Person),name').columns[0]).toEqual({ kind: 'id', space: 'Person', property: 'id' });
  });

  it('reserves no property name: id, type or dataset columns beside the :ID or on a relationship are data', () => {
    expect(header(':ID,id:string,dataset,type').columns.slice(1)).toEqual([
      { kind: 'property', name: 'id', type: 'string', array: false },
      { kind: 'property', name: 'dataset', type: 'string', array: false },
      { kind: 'property', name: 'type', type: 'string', array: false },
    ]);
    expect(header(':START_ID,:END_ID,id').columns[2]).toEqual({ kind: 'property', name: 'id', type: 'string', array: false });
  });
});

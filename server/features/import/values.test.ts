import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ValueProblem, valueParser, type ValueType } from './values.js';

const parse = (type: ValueType, text: string, array = false) => valueParser(type, array)(text);

describe('valueParser', () => {
  it('keeps strings as written, spaces included', () => {
    expect(parse('string', ' Lima, Perú ')).toBe(' Lima, Perú ');
  });

  it('reads integers as Neo4j Integers, all 64 bits of a long kept', () => {
    expect(parse('int', '42')).toEqual(neo4j.int(42));
    expect(parse('int', ' -7 ')).toEqual(neo4j.int(-7));
    expect(parse('long', '9223372036854775807')).toEqual(neo4j.int('9223372036854775807'));
    expect(parse('short', '-32768')).toEqual(neo4j.int(-32768));
    expect(parse('byte', '127')).toEqual(neo4j.int(127));
  });

  it('rejects integers out of their type range', () => {
    expect(() => parse('int', '2147483648')).toThrow('2147483648 is out of range for int');
    expect(() => parse('byte', '128')).toThrow('out of range for byte');
    expect(() => parse('long', '9223372036854775808')).toThrow('out of range for long');
  });

  it('reads float and double as numbers', () => {
    expect(parse('double', '-77.0428')).toBe(-77.0428);
    expect(parse('float', '1e3')).toBe(1000);
    expect(parse('double', '.5')).toBe(0.5);
  });

  it('reads booleans true and false in any letter case', () => {
    expect(parse('boolean', 'true')).toBe(true);
    expect(parse('boolean', 'FALSE')).toBe(false);
  });

  it('reads a char as a one-character string', () => {
    expect(parse('char', 'ñ')).toBe('ñ');
    expect(() => parse('char', 'ab')).toThrow('not a single character');
  });

  it('reads dates as Neo4j Dates', () => {
    expect(parse('date', '1934-12-03')).toEqual(new neo4j.types.Date(1934, 12, 3));
  });

  it('reads local times, times with offsets and local date-times', () => {
    expect(parse('localtime', '09:30')).toEqual(new neo4j.types.LocalTime(9, 30, 0, 0));
    expect(parse('time', '10:15:00.5+01:00')).toEqual(new neo4j.types.Time(10, 15, 0, 500_000_000, 3600));
    expect(parse('time', '23:59:59Z')).toEqual(new neo4j.types.Time(23, 59, 59, 0, 0));
    expect(parse('localdatetime', '1992-09-12T18:30:00')).toEqual(new neo4j.types.LocalDateTime(1992, 9, 12, 18, 30, 0, 0));
  });

  it('reads date-times with an offset, a named zone, or neither (UTC, as neo4j-admin does)', () => {
    expect(parse('datetime', '1992-09-12T20:45:00-05:00')).toEqual(new neo4j.types.DateTime(1992, 9, 12, 20, 45, 0, 0, -18000));
    expect(parse('datetime', '1992-09-12T20:45:00[America/Lima]')).toEqual(new neo4j.types.DateTime(1992, 9, 12, 20, 45, 0, 0, -18000, 'America/Lima'));
    expect(parse('datetime', '2024-07-01T12:00:00[Europe/Madrid]')).toEqual(new neo4j.types.DateTime(2024, 7, 1, 12, 0, 0, 0, 7200, 'Europe/Madrid'));
    expect(parse('datetime', '2000-01-01T00:00')).toEqual(new neo4j.types.DateTime(2000, 1, 1, 0, 0, 0, 0, 0));
  });

  it('reads ISO 8601 durations', () => {
    expect(parse('duration', 'P1Y2M3DT4H5M6.5S')).toEqual(new neo4j.types.Duration(14, 3, 4 * 3600 + 5 * 60 + 6, 500_000_000));
    expect(parse('duration', 'P2W')).toEqual(new neo4j.types.Duration(0, 14, 0, 0));
    expect(parse('duration', 'PT90M')).toEqual(new neo4j.types.Duration(0, 0, 5400, 0));
  });

  it('splits arrays on ";" and types each element', () => {
    expect(parse('string', 'Gonzalo;Presidente Gonzalo', true)).toEqual(['Gonzalo', 'Presidente Gonzalo']);
    expect(parse('int', '3;1;4', true)).toEqual([neo4j.int(3), neo4j.int(1), neo4j.int(4)]);
    expect(parse('date', '2001-01-01;2002-02-02', true)).toEqual([new neo4j.types.Date(2001, 1, 1), new neo4j.types.Date(2002, 2, 2)]);
  });

  it.each([
    ['int', '4.5', 'is not an integer'],
    ['int', '12abc', 'is not an integer'],
    ['long', '', 'is not an integer'],
    ['double', '1,5', 'is not a number'],
    ['double', 'NaN', 'is not a number'],
    ['boolean', 'yes', 'is not a boolean'],
    ['date', '03/12/1934', 'is not a date'],
    ['date', '2023-02-30', 'is not a calendar date'],
    ['localtime', '25:00', 'is not a time of day'],
    ['time', '10:00+25:00', 'is not a time zone offset'],
    ['localdatetime', '1992-09-12', 'is not a localdatetime'],
    ['datetime', '1992-09-12T20:45[Mars/Olympus]', 'is not a time zone'],
    ['duration', 'P', 'is not a duration'],
    ['duration', 'PT', 'is not a duration'],
    ['duration', '3 days', 'is not a duration'],
  ] as const)('rejects a malformed %s "%s"', (type, text, reason) => {
    expect(() => parse(type, text)).toThrow(ValueProblem);
    expect(() => parse(type, text)).toThrow(reason);
  });

  it('rejects an array with one malformed element', () => {
    expect(() => parse('int', '1;two;3', true)).toThrow('"two" is not an integer');
  });
});

import neo4j from 'neo4j-driver';

/** The value types of neo4j-admin's header format that Nexo reads (point is the one it leaves out). */
export const valueTypes = [
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
] as const;

export type ValueType = (typeof valueTypes)[number];

/** A field that does not hold a value of its column's type; the reason is one readable phrase. */
export class ValueProblem extends Error {
  override name = 'ValueProblem';
}

/** neo4j-admin's default array delimiter. */
export const ARRAY_DELIMITER = ';';

type Parser = (text: string) => unknown;

const integerRanges: Record<'byte' | 'short' | 'int' | 'long', readonly [bigint, bigint]> = {
  byte: [-(2n ** 7n), 2n ** 7n - 1n],
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

const integerPattern = /^[+-]?\d+$/;
const floatPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const offsetPattern = /(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const zonePattern = /\[([^\]]+)\]$/;
const durationPattern = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/i;

/** Checks an integer field; gives its text trimmed, which Cypher's toInteger() reads as the same 64-bit value. */
function integerText(type: keyof typeof integerRanges): (text: string) => string {
  const [min, max] = integerRanges[type];
  return (text) => {
    const trimmed = text.trim();
    if (!integerPattern.test(trimmed)) throw new ValueProblem(`"${text}" is not an integer (${type})`);
    const value = BigInt(trimmed);
    if (value < min || value > max) throw new ValueProblem(`${trimmed} is out of range for ${type}`);
    return trimmed;
  };
}

function integer(type: keyof typeof integerRanges): Parser {
  const check = integerText(type);
  // Neo4j Integers keep all 64 bits; a JavaScript number would round longs past 2^53.
  return (text) => neo4j.int(BigInt(check(text)).toString());
}

function float(type: 'float' | 'double'): Parser {
  return (text) => {
    const trimmed = text.trim();
    if (!floatPattern.test(trimmed)) throw new ValueProblem(`"${text}" is not a number (${type})`);
    return Number(trimmed);
  };
}

function boolean(text: string): boolean {
  // neo4j-admin reads anything but "true" as false; a typo should fail instead of flipping a fact.
  const lower = text.trim().toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new ValueProblem(`"${text}" is not a boolean (true or false)`);
}

function char(text: string): string {
  if ([...text].length !== 1) throw new ValueProblem(`"${text}" is not a single character (char)`);
  return text;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
}

function dateParts(text: string, type: string): DateParts {
  const match = datePattern.exec(text);
  if (!match) throw new ValueProblem(`"${text}" is not a ${type} (YYYY-MM-DD…)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new ValueProblem(`"${text}" is not a calendar date`);
  }
  return { year, month, day };
}

function timeParts(text: string, type: string): TimeParts {
  const match = timePattern.exec(text);
  if (!match) throw new ValueProblem(`"${text}" is not a ${type} (HH:MM[:SS[.fffffffff]]…)`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) throw new ValueProblem(`"${text}" is not a time of day`);
  return { hour, minute, second, nanosecond: Number((match[4] ?? '').padEnd(9, '0')) };
}

/** Splits a time "…+02:00" into the text before the offset and the offset in seconds; no offset means UTC, neo4j-admin's default. */
function splitOffset(text: string): { rest: string; offsetSeconds: number } {
  const match = offsetPattern.exec(text);
  if (!match) return { rest: text, offsetSeconds: 0 };
  const token = match[1]!;
  if (token.toUpperCase() === 'Z') return { rest: text.slice(0, match.index), offsetSeconds: 0 };
  const digits = token.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 18 || minutes > 59) throw new ValueProblem(`"${token}" is not a time zone offset`);
  const sign = token.startsWith('-') ? -1 : 1;
  return { rest: text.slice(0, match.index), offsetSeconds: sign * (hours * 3600 + minutes * 60) };
}

function splitDateTime(text: string, type: string): [string, string] {
  const at = text.search(/[T ]/);
  if (at < 0) throw new ValueProblem(`"${text}" is not a ${type} (YYYY-MM-DDTHH:MM…)`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset at an instant, in seconds, from Intl's "GMT+05:30"-style names. */
function offsetAt(zone: string, epochMs: number): number {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(epochMs)
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
}

/** The offset of a wall-clock time in a zone; for a time that occurs twice (DST ends) the earlier offset. */
function zoneOffsetSeconds(zone: string, d: DateParts, t: TimeParts): number {
  const asUtc = Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute, t.second);
  const guess = offsetAt(zone, asUtc);
  return offsetAt(zone, asUtc - guess * 1000);
}

/** Checks a date field; gives its text trimmed (YYYY-MM-DD), which Cypher's date() reads as the same date. */
function dateText(text: string): string {
  const trimmed = text.trim();
  dateParts(trimmed, 'date');
  return trimmed;
}

function date(text: string): unknown {
  const d = dateParts(text.trim(), 'date');
  return new neo4j.types.Date(d.year, d.month, d.day);
}

function localTime(text: string): unknown {
  const t = timeParts(text.trim(), 'localtime');
  return new neo4j.types.LocalTime(t.hour, t.minute, t.second, t.nanosecond);
}

function time(text: string): unknown {
  const { rest, offsetSeconds } = splitOffset(text.trim());
  const t = timeParts(rest, 'time');
  return new neo4j.types.Time(t.hour, t.minute, t.second, t.nanosecond, offsetSeconds);
}

function localDateTime(text: string): unknown {
  const [datePart, timePart] = splitDateTime(text.trim(), 'localdatetime');
  const d = dateParts(datePart, 'localdatetime');
  const t = timeParts(timePart, 'localdatetime');
  return new neo4j.types.LocalDateTime(d.year, d.month, d.day, t.hour, t.minute, t.second, t.nanosecond);
}

function dateTime(text: string): unknown {
  const trimmed = text.trim();
  const zone = zonePattern.exec(trimmed);
  const withoutZone = zone ? trimmed.slice(0, zone.index) : trimmed;
  const [datePart, timeAndOffset] = splitDateTime(withoutZone, 'datetime');
  const d = dateParts(datePart, 'datetime');
  const { rest, offsetSeconds } = splitOffset(timeAndOffset);
  const t = timeParts(rest, 'datetime');
  if (zone) {
    const zoneId = zone[1]!;
    if (!isTimeZone(zoneId)) throw new ValueProblem(`"${zoneId}" is not a time zone`);
    // The driver warns about a zone without an offset (a wall-clock time can occur twice), so both are sent.
    const offset = zoneOffsetSeconds(zoneId, d, t);
    return new neo4j.types.DateTime(d.year, d.month, d.day, t.hour, t.minute, t.second, t.nanosecond, offset, zoneId);
  }
  return new neo4j.types.DateTime(d.year, d.month, d.day, t.hour, t.minute, t.second, t.nanosecond, offsetSeconds);
}

function duration(text: string): unknown {
  const trimmed = text.trim();
  const match = durationPattern.exec(trimmed);
  if (!match || trimmed.length < 3 || /T$/i.test(trimmed)) {
    throw new ValueProblem(`"${text}" is not a duration (ISO 8601, e.g. P1Y2M3DT4H5M6S)`);
  }
  const n = (index: number): number => Number(match[index] ?? 0);
  return new neo4j.types.Duration(n(1) * 12 + n(2), n(3) * 7 + n(4), n(5) * 3600 + n(6) * 60 + n(7), Number((match[8] ?? '').padEnd(9, '0')));
}

const parsers: Record<ValueType, Parser> = {
  string: (text) => text,
  char,
  boolean,
  byte: integer('byte'),
  short: integer('short'),
  int: integer('int'),
  long: integer('long'),
  float: float('float'),
  double: float('double'),
  date,
  localtime: localTime,
  time,
  localdatetime: localDateTime,
  datetime: dateTime,
  duration,
};

/**
 * The kinds of single values the import's write statements take as text and convert themselves (Cypher's date() and
 * toInteger()): neo4j-driver turns a Date or an Integer object into Bolt many times slower than a string, which
 * made packing dates alone about a sixth of the import process's CPU per relationship.
 */
export type TextKind = 'date' | 'integer';

const textCheckers: Partial<Record<ValueType, readonly [TextKind, (text: string) => string]>> = {
  date: ['date', dateText],
  byte: ['integer', integerText('byte')],
  short: ['integer', integerText('short')],
  int: ['integer', integerText('int')],
  long: ['integer', integerText('long')],
};

/**
 * For a column whose values may go as text (a single date or integer): its kind and a checker that throws ValueProblem
 * as the column's parser would, and gives the text to send. Undefined for every other column.
 */
export function textChecker(type: ValueType, array: boolean): readonly [TextKind, (text: string) => string] | undefined {
  return array ? undefined : textCheckers[type];
}

/**
 * A parser for one column: text → the Neo4j value (Integer, number, boolean, string, temporal, or a
 * list of those for arrays). Throws ValueProblem when the text is not of the type.
 * Empty array elements are dropped (`a;;b;` → [a, b]): they come from doubled or trailing delimiters,
 * and as with an empty field, "no value" is not a value; a field of delimiters only gives an empty list.
 */
export function valueParser(type: ValueType, array: boolean): Parser {
  const parse = parsers[type];
  if (!array) return parse;
  return (text) =>
    text
      .split(ARRAY_DELIMITER)
      .filter((element) => element !== '')
      .map(parse);
}

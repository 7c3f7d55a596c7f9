import { singular } from '../../text/singular.js';

/*
 * Which properties name the nodes of one label, picked from a sample of them: data we did not curate has no `name`
 * rule written for it. People get first and last name; then a name or title; then a property named as the label (an
 * Address's `address`, a Phone's `phone`), however long; else the most distinct short text, such as a code, number,
 * registration, address or e-mail. Nexo's own keys (__nexo…) are never picked.
 */

/** Keys compared without case, spaces, "-" or "_": firstName, first_name and "First Name" are one. */
function normalised(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FIRST_NAMES = ['firstname', 'givenname', 'givennames', 'forename', 'forenames', 'fname', 'first', 'nombre', 'nombres', 'name'];
const LAST_NAMES = ['lastname', 'surname', 'surnames', 'familyname', 'lname', 'last', 'apellido', 'apellidos'];
const NAMES = ['name', 'fullname', 'displayname', 'title', 'label', 'caption', 'nombre'];
/** Key parts that say a value identifies its node to a reader. */
const IDENTIFYING = /code|number|num|no$|nr$|reg|plate|address|email|mail|phone|iban|account|badge|imei|msisdn|alias|handle|username|postcode|zip/;
const ID_LIKE = /^(id|uuid|guid|key|nodeid)$|id$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** A property can name a node when most sampled nodes have it; below this share it is left out. */
const MIN_COVERAGE = 0.5;
/** Longer values are descriptions, not names. */
const MAX_AVERAGE_LENGTH = 40;

type Sample = Record<string, unknown>;

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
}

function keysOf(samples: Sample[]): string[] {
  return [...new Set(samples.flatMap((sample) => Object.keys(sample)))].filter((key) => !key.startsWith('__nexo'));
}

function coverage(samples: Sample[], key: string): number {
  return samples.filter((sample) => text(sample[key]) !== '').length / samples.length;
}

/** The first key, in the order of `wanted`, that most samples fill. */
function findKey(keys: string[], samples: Sample[], wanted: string[]): string | undefined {
  for (const name of wanted) {
    const key = keys.find((candidate) => normalised(candidate) === name && coverage(samples, candidate) >= MIN_COVERAGE);
    if (key !== undefined) return key;
  }
  return undefined;
}

function distinctScore(samples: Sample[], key: string): number | undefined {
  const values = samples.map((sample) => text(sample[key])).filter((value) => value !== '');
  if (values.length === 0 || values.length / samples.length < MIN_COVERAGE) return undefined;
  const averageLength = values.reduce((sum, value) => sum + value.length, 0) / values.length;
  if (averageLength > MAX_AVERAGE_LENGTH) return undefined;
  const distinct = new Set(values).size / values.length;
  const name = normalised(key);
  const numeric = values.every((value) => /^-?\d+(\.\d+)?$/.test(value));
  const dated = values.every((value) => ISO_DATE.test(value));
  return (
    (distinct * values.length) / samples.length + (IDENTIFYING.test(name) ? 0.3 : 0) + (numeric ? 0 : 0.1) - (ID_LIKE.test(name) ? 0.5 : 0) - (dated ? 0.3 : 0)
  );
}

/** A label's name and its singular, normalised: Addresses → addresses, address. */
function labelNames(label: string): string[] {
  const name = normalised(label);
  return [name, singular(name)];
}

/**
 * The properties naming the nodes of `label` sampled (their values joined by a space), or [] when none fits or the
 * file's format gave most nodes a caption of its own (`formatCaptions`: how many of the samples have one).
 */
export function pickCaption(samples: Sample[], formatCaptions = 0, label = ''): string[] {
  if (samples.length === 0) return [];
  const keys = keysOf(samples);
  const last = findKey(keys, samples, LAST_NAMES);
  if (last !== undefined) {
    const first = findKey(
      keys.filter((key) => key !== last),
      samples,
      FIRST_NAMES,
    );
    if (first !== undefined) return [first, last];
  }
  const name = findKey(keys, samples, NAMES);
  if (name !== undefined) return [name];
  if (formatCaptions / samples.length >= MIN_COVERAGE) return [];
  const namesake = label === '' ? undefined : findKey(keys, samples, labelNames(label));
  if (namesake !== undefined) return [namesake];
  let best: { key: string; score: number } | undefined;
  for (const key of keys) {
    const score = distinctScore(samples, key);
    if (score !== undefined && (best === undefined || score > best.score)) best = { key, score };
  }
  return best ? [best.key] : [];
}

import { z } from 'zod';

/**
 * A comma-separated query parameter (`labels=Person,Organization`) as trimmed, non-empty, distinct names.
 * Missing or empty means "no filter" ([]). Names are checked against the schema later, in the service.
 */
export function commaSeparatedNames(description: string) {
  return z
    .string()
    .max(2000)
    .optional()
    .transform((text) => [
      ...new Set(
        (text ?? '')
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name.length > 0),
      ),
    ])
    .describe(description);
}

/** The optional `dataset` parameter of every read: one or several dataset ids, comma-separated; default all. */
export function datasetParameter() {
  return commaSeparatedNames('Comma-separated dataset ids to stay within, e.g. peru,phones (default: every dataset)');
}

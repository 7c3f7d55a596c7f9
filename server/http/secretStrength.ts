/**
 * A rough, conservative estimate of how many guesses a secret resists, in bits: each character is
 * worth the size of the alphabet its classes span, except a character that repeats or continues the
 * one before (`aaaa`, `1234`, `abcd`), which a guesser tries first and which counts one bit.
 */
export function guessingBits(secret: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  const sizes = [26, 26, 10, 33];
  const alphabet = classes.reduce((sum, pattern, index) => sum + (pattern.test(secret) ? sizes[index]! : 0), 0);
  const perCharacter = Math.log2(Math.max(alphabet, 2));
  const codes = [...secret].map((character) => character.codePointAt(0)!);
  return codes.reduce((bits, code, index) => {
    const step = index === 0 ? undefined : code - codes[index - 1]!;
    return bits + (step !== undefined && Math.abs(step) <= 1 ? 1 : perCharacter);
  }, 0);
}

/** Bits below which a secret is refused: an API token is meant to be random, a password typed by a person. */
export const MIN_TOKEN_BITS = 64;
export const MIN_PASSWORD_BITS = 40;

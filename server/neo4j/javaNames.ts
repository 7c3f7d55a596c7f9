/** A fully qualified Java class name (`org.apache.lucene…ParseException`), with the colon and space that follow it. */
const javaClassName = /\b(?:[a-z][a-z0-9_]*\.){2,}[A-Z][A-Za-z0-9_$]*\b:?\s*/g;

/**
 * A Neo4j message without the Java class names it quotes: they say which library failed inside the
 * database, which tells an attacker the server's make-up and a user nothing. "Caused by:" goes with them.
 */
export function withoutJavaNames(message: string): string {
  return message
    .replace(javaClassName, '')
    .replace(/\bCaused by:\s*/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

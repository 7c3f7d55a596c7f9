import type { Plan } from 'neo4j-driver';
import { AppError } from '../../errors.js';

/**
 * What the console may run beyond plain reads. Writes, schema changes and administration writes need no rule here:
 * the console's READ transaction makes Neo4j refuse them (Neo.ClientError.Statement.AccessMode). These rules cover
 * what Neo4j 5.26 lets through a READ transaction but a shared console must not do; they read the query's EXPLAIN
 * plan, where Neo4j has already resolved every clause, subquery and procedure name, never the query text.
 */

/**
 * Read-only catalogue and search procedures that stop at the transaction's time limit. Anything else
 * (db.clearQueryCaches, tx.setMetaData, dbms.listConfig …) is refused. db.schema.nodeTypeProperties and
 * relTypeProperties are refused too: they read every node or relationship before yielding a row and do not look at
 * the time limit meanwhile (minutes of both cores on a large graph after the 504); SHOW INDEXES and db.schema.visualization
 * describe the model instead.
 */
export const allowedProcedures: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.fulltext.listAvailableAnalyzers',
  'dbms.components',
];

/** SHOW commands that describe the data model; the others (TRANSACTIONS, SETTINGS) expose the server's internals. */
const allowedShowOperators: readonly string[] = ['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions'];

const SCHEMA_CHANGE = 'Indexes and constraints cannot be changed here.';

/** Plan operators a READ transaction runs but the console refuses, with the reason given to the user. */
const refusedOperators: Readonly<Record<string, string>> = {
  LoadCSV: 'LOAD CSV reads files on the database server and fetches URLs from it.',
  TransactionApply: 'CALL { … } IN TRANSACTIONS commits batches of its own, outside the console’s read-only transaction.',
  TransactionForeach: 'CALL { … } IN TRANSACTIONS commits batches of its own, outside the console’s read-only transaction.',
  AdministrationCommand: 'Administration commands (users, databases, privileges) are not available here.',
  TerminateTransactions: 'TERMINATE TRANSACTIONS stops other clients’ work.',
  // Neo4j refuses these in the READ transaction when they run, but a user's EXPLAIN would only plan them and answer 200.
  CreateIndex: SCHEMA_CHANGE,
  DropIndex: SCHEMA_CHANGE,
  CreateConstraint: SCHEMA_CHANGE,
  DropConstraint: SCHEMA_CHANGE,
};

/** Throws a 403 AppError naming the first operator of the plan the console refuses; returns when every one is allowed. */
export function assertAllowedPlan(plan: Plan): void {
  // Operator names carry the database they run on, e.g. "ProcedureCall@neo4j".
  const operator = plan.operatorType.split('@')[0]!;
  const refusal = refusedOperators[operator] ?? showRefusal(operator) ?? procedureRefusal(operator, plan);
  if (refusal) throw new AppError(403, 'Not allowed', refusal, 'not-allowed', { operator });
  plan.children.forEach(assertAllowedPlan);
}

function showRefusal(operator: string): string | undefined {
  if (!operator.startsWith('Show') || allowedShowOperators.includes(operator)) return undefined;
  return `Only SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are available here.`;
}

function procedureRefusal(operator: string, plan: Plan): string | undefined {
  if (operator !== 'ProcedureCall') return undefined;
  // Details start with the resolved, fully qualified name: "db.labels() :: (label :: STRING)".
  const name = /^([\w.]+)\(/.exec(plan.arguments.Details ?? '')?.[1];
  if (name && allowedProcedures.includes(name)) return undefined;
  return `The console only calls read-only procedures (${allowedProcedures.join(', ')}); ${name ? `\`${name}\`` : 'this one'} is not among them.`;
}

/**
 * Refuses a statement Neo4j classified as writing ('w', 'rw') while planning it, so it never starts, even wrapped in a
 * user's EXPLAIN, which Neo4j would only plan and answer with nothing. 's' is not refused here: read-only DBMS
 * procedures such as dbms.components are 's' too; schema commands are caught by their plan operators above.
 */
export function assertReadOnly(queryType: string): void {
  if (queryType === 'w' || queryType === 'rw') {
    throw new AppError(403, 'Read-only', 'Only read queries are allowed here: the query tried to write or change the schema.', 'read-only');
  }
}

/**
 * Neo4j 5.26 overflows its stack on a few hundred nested brackets (`RETURN [[[…]]]`): it then never answers, or
 * answers Neo.DatabaseError.General.UnknownError. No statement a person writes nests this deep, so it is refused first.
 */
export const MAX_BRACKET_DEPTH = 64;

/** The deepest nesting of (), [] and {} in a statement, outside strings, quoted names and comments. */
export function bracketDepth(cypher: string): number {
  // The index of the last character of the next `marker` from `from`, or the end of the text.
  const through = (marker: string, from: number): number => {
    const at = cypher.indexOf(marker, from);
    return at === -1 ? cypher.length : at + marker.length - 1;
  };
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < cypher.length; index++) {
    const character = cypher[index]!;
    if (character === "'" || character === '"' || character === '`') {
      index = closingQuote(cypher, index, character);
    } else if (cypher.startsWith('//', index)) {
      index = through('\n', index);
    } else if (cypher.startsWith('/*', index)) {
      index = through('*/', index + 2);
    } else if (character === '(' || character === '[' || character === '{') {
      deepest = Math.max(deepest, ++depth);
    } else if (character === ')' || character === ']' || character === '}') {
      depth--;
    }
  }
  return deepest;
}

/** Index of the quote that closes the one at `start`; a backslash escapes the next character in strings, not in `names`. */
function closingQuote(cypher: string, start: number, quote: string): number {
  for (let index = start + 1; index < cypher.length; index++) {
    if (cypher[index] === '\\' && quote !== '`') index++;
    else if (cypher[index] === quote) return index;
  }
  return cypher.length;
}

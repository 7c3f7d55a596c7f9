import type { Plan } from 'neo4j-driver';
import { AppError } from '../../errors.js';

/**
 * What the console may run beyond plain reads. Writes, schema changes and administration writes need no rule here:
 * the console's READ transaction makes Neo4j refuse them (Neo.ClientError.Statement.AccessMode). These rules cover
 * what Neo4j 5.26 lets through a READ transaction but a shared console must not do; they read the query's EXPLAIN
 * plan, where Neo4j has already resolved every clause, subquery and procedure name, never the query text.
 */

/** Read-only catalogue and search procedures. Anything else (db.clearQueryCaches, tx.setMetaData, dbms.listConfig …) is refused. */
export const allowedProcedures: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.fulltext.listAvailableAnalyzers',
  'dbms.components',
];

/** SHOW commands that describe the data model; the others (TRANSACTIONS, SETTINGS) expose the server's internals. */
const allowedShowOperators: readonly string[] = ['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions'];

/** Plan operators a READ transaction runs but the console refuses, with the reason given to the user. */
const refusedOperators: Readonly<Record<string, string>> = {
  LoadCSV: 'LOAD CSV reads files on the database server and fetches URLs from it.',
  TransactionApply: 'CALL { … } IN TRANSACTIONS commits batches of its own, outside the console’s read-only transaction.',
  TransactionForeach: 'CALL { … } IN TRANSACTIONS commits batches of its own, outside the console’s read-only transaction.',
  AdministrationCommand: 'Administration commands (users, databases, privileges) are not available here.',
  TerminateTransactions: 'TERMINATE TRANSACTIONS stops other clients’ work.',
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

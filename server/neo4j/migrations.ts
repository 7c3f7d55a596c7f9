import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { cypherFile, cypherStatements } from '../cypher.js';
import type { Database } from './database.js';
import { toNumber } from './values.js';

/** An applied migration that no longer matches its file, or a file Nexo cannot read as a migration. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface Migration {
  /** The file's name, e.g. V002__entity_search.cypher. */
  file: string;
  version: number;
  description: string;
  /** SHA-256 of the text with \n line endings, so a checkout with CRLF endings is not an edit. */
  checksum: string;
  text: string;
}

interface AppliedMigration {
  version: number;
  file: string;
  checksum: string;
}

const MIGRATION_FILE = /^V(\d+)__(.+)\.cypher$/;

/** The V<version>__<description>.cypher files of a folder, in version order. */
export function readMigrations(directory: string): Migration[] {
  const migrations = readdirSync(directory)
    .filter((file) => MIGRATION_FILE.test(file))
    .map((file): Migration => {
      const [, version, description] = MIGRATION_FILE.exec(file)!;
      const text = readFileSync(path.join(directory, file), 'utf8').replace(/\r\n?/g, '\n');
      return {
        file,
        version: Number(version),
        description: description!.replaceAll('_', ' '),
        checksum: createHash('sha256').update(text).digest('hex'),
        text,
      };
    })
    .sort((a, b) => a.version - b.version);
  for (let index = 1; index < migrations.length; index++) {
    if (migrations[index]!.version === migrations[index - 1]!.version) {
      throw new MigrationError(`Migrations ${migrations[index - 1]!.file} and ${migrations[index]!.file} have the same version: renumber one.`);
    }
  }
  return migrations;
}

/**
 * Applies the migrations of `directory` this database has not applied yet, and records each (version, description,
 * checksum, time) in a :__Neo4jMigration node, as neo4j-migrations does. Refuses, before applying anything, when an
 * applied migration's file was edited since: the database would silently differ from what the file says. Returns the
 * migrations applied now.
 */
export async function applyMigrations(db: Pick<Database, 'driver' | 'name'>, directory: string): Promise<Migration[]> {
  const migrations = readMigrations(directory);
  const write = (cypher: string, parameters: Record<string, unknown> = {}) => db.driver.executeQuery(cypher, parameters, { database: db.name });
  await write(cypherFile('migrations/constraint.cypher'));
  // Read where the writes go (the leader), not through the read helper: a reader could lag behind a migration just recorded.
  const { records } = await write(cypherFile('migrations/applied.cypher'));
  const applied = new Map<number, AppliedMigration>(
    records.map((record) => {
      const version = toNumber(record.get('version'));
      return [version, { version, file: record.get('file') as string, checksum: record.get('checksum') as string }];
    }),
  );
  for (const migration of migrations) {
    const recorded = applied.get(migration.version);
    if (recorded && recorded.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.file} was edited after it was applied to this database (as ${recorded.file}): ` +
          'restore its applied text and put the change in a new migration file.',
      );
    }
  }
  const pending = migrations.filter((migration) => !applied.has(migration.version));
  for (const migration of pending) {
    // Neo4j refuses schema and data changes in one transaction, so each statement runs on its own; the record comes
    // last, so a migration stopped half-way runs again (whole) at the next start: write its statements idempotent.
    for (const statement of cypherStatements(migration.text)) await write(statement);
    await write(cypherFile('migrations/record.cypher'), {
      version: neo4j.int(migration.version),
      description: migration.description,
      file: migration.file,
      checksum: migration.checksum,
    });
  }
  return pending;
}

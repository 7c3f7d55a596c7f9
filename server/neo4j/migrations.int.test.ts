import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, openTestDatabase, readQuery } from '../../tests/support/testDatabase.js';
import { applySchema } from '../features/load/load.service.js';
import { applyMigrations, MigrationError } from './migrations.js';

const db = openTestDatabase();
const directory = mkdtempSync(path.join(tmpdir(), 'nexo-migrations-'));

// Each migration creates one probe node on purpose (not idempotent), so the probes count how often each one ran.
const probe = (step: string): string => `// Step ${step}.\nCREATE (:MigrationProbe {step: '${step}'});\n`;
const files = {
  first: 'V001__first_probe.cypher',
  second: 'V002__second_probe.cypher',
  third: 'V003__third_probe.cypher',
};

async function probeCounts(): Promise<Record<string, number>> {
  const { records } = await readQuery(db, 'MATCH (p:MigrationProbe) RETURN p.step AS step, count(*) AS runs ORDER BY step');
  return Object.fromEntries(records.map((record) => [record.get('step') as string, (record.get('runs') as { toNumber(): number }).toNumber()]));
}

async function recordedMigrations() {
  const { records } = await readQuery(
    db,
    'MATCH (m:__Neo4jMigration) RETURN m.version AS version, m.description AS description, m.file AS file, m.checksum AS checksum, m.appliedAt AS appliedAt ORDER BY version',
  );
  return records.map((record) => record.toObject());
}

beforeAll(async () => {
  await emptyDatabase(db);
  writeFileSync(path.join(directory, files.first), probe('first'));
  writeFileSync(path.join(directory, files.second), probe('second'));
  writeFileSync(path.join(directory, 'README.md'), 'not a migration');
});

afterAll(async () => {
  // Leave the database as the other test files expect it: the project's own migrations recorded, no probes.
  await emptyDatabase(db);
  await applySchema(db);
  await db.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('applies every migration in version order the first time and records each with its checksum', async () => {
    const applied = await applyMigrations(db, directory);
    expect(applied.map((migration) => migration.file)).toEqual([files.first, files.second]);
    expect(await probeCounts()).toEqual({ first: 1, second: 1 });
    const recorded = await recordedMigrations();
    expect(recorded.map(({ version, description, file }) => ({ version: Number(version), description, file }))).toEqual([
      { version: 1, description: 'first probe', file: files.first },
      { version: 2, description: 'second probe', file: files.second },
    ]);
    for (const record of recorded) {
      expect(record.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(record.appliedAt).toBeDefined();
    }
  });

  it('applies nothing when run again', async () => {
    expect(await applyMigrations(db, directory)).toEqual([]);
    expect(await probeCounts()).toEqual({ first: 1, second: 1 });
  });

  it('does not take line endings changed by a checkout for an edit', async () => {
    writeFileSync(path.join(directory, files.first), probe('first').replaceAll('\n', '\r\n'));
    expect(await applyMigrations(db, directory)).toEqual([]);
    writeFileSync(path.join(directory, files.first), probe('first'));
  });

  it('refuses, with one line naming the file and before applying anything, when an applied migration was edited', async () => {
    writeFileSync(path.join(directory, files.first), probe('first').replace('Step first.', 'Step one, reworded.'));
    writeFileSync(path.join(directory, files.third), probe('third'));
    const refusal = await applyMigrations(db, directory).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(MigrationError);
    const message = (refusal as MigrationError).message;
    expect(message).toContain(files.first);
    expect(message).not.toContain('\n');
    expect(await probeCounts()).toEqual({ first: 1, second: 1 });
  });

  it('applies only a new migration once the edited one is restored', async () => {
    writeFileSync(path.join(directory, files.first), probe('first'));
    const applied = await applyMigrations(db, directory);
    expect(applied.map((migration) => migration.file)).toEqual([files.third]);
    expect(await probeCounts()).toEqual({ first: 1, second: 1, third: 1 });
    expect((await recordedMigrations()).map((record) => record.file)).toEqual([files.first, files.second, files.third]);
  });
});

describe('applySchema', () => {
  it("records the project's own migrations and applies none of them twice", async () => {
    await emptyDatabase(db);
    const first = await applySchema(db);
    expect(first.length).toBeGreaterThanOrEqual(3);
    expect(first.every((file) => /^V\d+__.+\.cypher$/.test(file))).toBe(true);
    expect(await applySchema(db)).toEqual([]);
    expect((await recordedMigrations()).map((record) => record.file)).toEqual(first);
  });
});

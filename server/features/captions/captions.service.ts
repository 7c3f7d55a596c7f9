import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { LabelCaptions } from '../../neo4j/caption.js';
import type { Database } from '../../neo4j/database.js';
import { plainValue, useDatasetCaptions } from '../../neo4j/graph.js';
import { timedRead } from '../../neo4j/timedRead.js';
import { pickCaption } from './pickCaption.js';

type Db = Pick<Database, 'driver' | 'name'>;

/** Nodes sampled per label to pick its caption: enough to judge how distinct a property is, cheap on any size. */
const SAMPLE_PER_LABEL = 500;

/** What a dataset's record says that captions need: the import (a new one is new data) and the user's choices. */
export interface CaptionedDataset {
  id: string;
  importedAt: string;
  captionOverrides: LabelCaptions;
}

/** One label of a dataset: the properties its sampled nodes have and those Nexo picked to name them. */
export interface LabelChoice {
  label: string;
  properties: string[];
  automatic: string[];
}

// Picked once per import of a dataset: a dataset deleted or imported again has another importedAt, so its entry is
// replaced; entries of datasets no longer listed are dropped at the next listing.
const picked = new Map<string, { importedAt: string; labels: Promise<LabelChoice[]> }>();

async function sampleLabels(db: Db, dataset: string, timeoutMs: number): Promise<LabelChoice[]> {
  const { records } = await timedRead(db, timeoutMs, (tx) => tx.run(cypherFile('captions/samples.cypher'), { dataset, perLabel: neo4j.int(SAMPLE_PER_LABEL) }));
  return records.map((record) => {
    const raw = record.get('samples') as Record<string, unknown>[];
    const formatCaptions = raw.filter((sample) => typeof sample.__nexo_caption === 'string' && sample.__nexo_caption !== '').length;
    const samples = raw.map((sample) => plainValue(sample) as Record<string, unknown>);
    const properties = [...new Set(samples.flatMap((sample) => Object.keys(sample)))].filter((key) => !key.startsWith('__nexo')).sort();
    const label = record.get('label') as string;
    return { label, properties, automatic: pickCaption(samples, formatCaptions, label) };
  });
}

/** The labels of a dataset with their picked captions, computed at the first request after its import. */
export function labelChoices(db: Db, dataset: { id: string; importedAt: string }, timeoutMs: number): Promise<LabelChoice[]> {
  const cached = picked.get(dataset.id);
  if (cached && cached.importedAt === dataset.importedAt) return cached.labels;
  const labels = sampleLabels(db, dataset.id, timeoutMs);
  picked.set(dataset.id, { importedAt: dataset.importedAt, labels });
  // A failed sampling (a timeout, Neo4j away) is tried again by the next request rather than kept.
  labels.catch(() => {
    if (picked.get(dataset.id)?.labels === labels) picked.delete(dataset.id);
  });
  return labels;
}

/** Makes node conversion (neo4j/graph.ts) name the nodes of these datasets, the complete ones, by their captions. */
export async function useCaptionsOf(db: Db, datasets: CaptionedDataset[], timeoutMs: number): Promise<void> {
  const listed = new Set(datasets.map((dataset) => dataset.id));
  for (const id of picked.keys()) if (!listed.has(id)) picked.delete(id);
  const entries = await Promise.all(
    datasets.map(async (dataset) => {
      const labels = await labelChoices(db, dataset, timeoutMs);
      const automatic = Object.fromEntries(labels.filter((label) => label.automatic.length > 0).map((label) => [label.label, label.automatic]));
      return [dataset.id, { automatic, overrides: dataset.captionOverrides }] as const;
    }),
  );
  useDatasetCaptions(Object.fromEntries(entries));
}

/** Caption overrides as stored (JSON on the dataset record); anything unreadable counts as none. */
export function parseCaptionOverrides(json: unknown): LabelCaptions {
  if (typeof json !== 'string') return {};
  try {
    const parsed = captionOverridesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const propertyName = z.string().min(1).max(200);

/** Per label, the properties (one to three, joined by a space) that name its nodes; an empty list means "as picked". */
export const captionOverridesSchema = z.record(propertyName, z.array(propertyName).max(3));

/**
 * Saves the user's caption choices for a dataset, replacing earlier ones. A label not in the dataset or a property its
 * nodes do not have is refused (422), naming it; an empty list returns the label to the picked caption.
 */
export async function saveCaptionOverrides(
  db: Db,
  dataset: { id: string; importedAt: string },
  overrides: LabelCaptions,
  timeoutMs: number,
): Promise<LabelCaptions> {
  const labels = new Map((await labelChoices(db, dataset, timeoutMs)).map((label) => [label.label, label]));
  for (const [label, properties] of Object.entries(overrides)) {
    const known = labels.get(label);
    if (!known) throw new AppError(422, 'Unknown label', `The dataset "${dataset.id}" has no node labelled "${label}".`, 'unknown-label', { label });
    const unknown = properties.find((property) => !known.properties.includes(property));
    if (unknown !== undefined) {
      throw new AppError(422, 'Unknown property', `No "${label}" node of the dataset "${dataset.id}" has the property "${unknown}".`, 'unknown-property', {
        label,
        property: unknown,
      });
    }
  }
  const kept = Object.fromEntries(Object.entries(overrides).filter(([, properties]) => properties.length > 0));
  const { records } = await db.driver.executeQuery(
    cypherFile('captions/save-overrides.cypher'),
    { id: dataset.id, overrides: JSON.stringify(kept) },
    { database: db.name },
  );
  if (records.length === 0) throw new AppError(404, 'Unknown dataset', `No dataset has the id "${dataset.id}".`, 'unknown-dataset', { dataset: dataset.id });
  return kept;
}

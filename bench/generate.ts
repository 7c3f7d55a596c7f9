import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { projectRoot } from '../server/projectRoot.js';
import { seededRandom } from '../server/features/analysis/engine/random.js';

// npm run generate -- --relationships N --seed S [--out DIR]
// Writes a criminal-network-like graph in neo4j-admin CSV format (see bench/README.md):
// communities around organizations, a few broker hubs, heavy-tailed degrees, dated relationships.

const argumentsSchema = z.object({
  relationships: z.coerce.number().int().min(1, 'at least 1'),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  out: z.string().min(1).optional(),
});

/** Share of each relationship type; CALLED takes what rounding leaves. */
const typeShares = {
  CALLED: 0.36,
  MET_WITH: 0.18,
  MEMBER_OF: 0.14,
  LEADER_OF: 0.01,
  FINANCED: 0.05,
  ALLIED_WITH: 0.02,
  OPERATES_IN: 0.04,
  PARTICIPATED_IN: 0.2,
} as const;
type RelationshipType = keyof typeof typeShares;

/** Share of person–person links that involve one of the brokers: what makes the few big hubs. */
const BROKER_SHARE = 0.35;
const BROKER_WEIGHTS = [0.6, 0.25, 0.15];
/** Share of a person's links that stay inside their community. */
const INSIDE_COMMUNITY = 0.85;

const firstNames = [
  'Abimael',
  'Elena',
  'Óscar',
  'Víctor',
  'María',
  'José',
  'Rosa',
  'Luis',
  'Carmen',
  'Jorge',
  'Ana',
  'Miguel',
  'Lucía',
  'Pedro',
  'Julia',
  'Raúl',
  'Teresa',
  'Carlos',
  'Sofía',
  'Manuel',
  'Isabel',
  'Andrés',
  'Patricia',
  'Hugo',
  'Gloria',
  'Diego',
  'Marta',
  'Fernando',
  'Silvia',
  'Ricardo',
];
const lastNames = [
  'Guzmán',
  'Quispe',
  'Flores',
  'Ramírez',
  'Huamán',
  'Mamani',
  'Rojas',
  'Torres',
  'Vargas',
  'Castillo',
  'Mendoza',
  'Chávez',
  'Díaz',
  'Salazar',
  'Paredes',
  'Cárdenas',
  'Vega',
  'Reyes',
  'Morales',
  'Espinoza',
  'Herrera',
  'Núñez',
  'Silva',
  'Ortiz',
  'Campos',
  'León',
  'Ríos',
  'Aguilar',
  'Soto',
  'Palacios',
];
const aliases = ['El Flaco', 'La Sombra', 'Camarada Uno', 'El Contador', 'La Jefa', 'El Chino', 'Cholo', 'El Profe', 'Tía', 'Gato'];
const orgWords = ['Sol', 'Cóndor', 'Frontera', 'Norte', 'Río', 'Andes', 'Puerto', 'Selva', 'Huallaga', 'Pacífico'];
const orgKinds = ['cartel', 'gang', 'clan', 'front company', 'network'];
const places = ['Lima', 'Callao', 'Ayacucho', 'Tingo María', 'Pucallpa', 'Iquitos', 'Tumbes', 'Puno', 'Cusco', 'Trujillo', 'Arequipa', 'Chiclayo'];
const eventKinds = ['meeting', 'shipment', 'raid', 'payment', 'arrest'];
const roles = ['organizer', 'courier', 'witness', 'financier', 'guard'];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1990, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2024, 11, 31) / DAY_MS;

/** Buffered CSV output that waits for the disk when the stream asks it to. */
class CsvWriter {
  private buffer: string[] = [];
  private size = 0;
  private readonly stream: WriteStream;
  rows = 0;

  constructor(
    readonly file: string,
    header: string,
  ) {
    this.stream = createWriteStream(file);
    this.buffer.push(`${header}\n`);
  }

  async row(fields: (string | number | undefined)[]): Promise<void> {
    const line = `${fields.map(csvField).join(',')}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size >= 1 << 20) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  private async flush(): Promise<void> {
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Exact counts per type that add up to `total`. */
function typeCounts(total: number): Record<RelationshipType, number> {
  const counts = Object.fromEntries(Object.entries(typeShares).map(([type, share]) => [type, Math.floor(total * share)])) as Record<RelationshipType, number>;
  const assigned = Object.values(counts).reduce((sum, count) => sum + count, 0);
  counts.CALLED += total - assigned;
  return counts;
}

/** Writes the files into outDir; returns a summary: rows per file and the biggest hubs. */
export async function generate(relationships: number, seed: number, outDir: string): Promise<string[]> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const uniform = (size: number): number => Math.floor(random() * size);
  // u^k piles the draws onto the low indexes: a power-law head, so a few nodes get most links.
  const skewed = (size: number, k: number): number => Math.floor(size * random() ** k);
  const day = (): string => new Date((FIRST_DAY + uniform(LAST_DAY - FIRST_DAY)) * DAY_MS).toISOString().slice(0, 10);

  const persons = Math.max(20, Math.round(relationships / 4));
  const organizations = Math.max(3, Math.round(relationships / 400));
  const locations = Math.max(3, Math.round(relationships / 1000));
  const events = Math.max(3, Math.round(relationships / 200));
  const brokers = BROKER_WEIGHTS.length;

  // Communities: each person belongs to one organization's community, community sizes heavy-tailed.
  const communityOf = new Int32Array(persons);
  const communitySizes = new Int32Array(organizations);
  for (let p = 0; p < persons; p += 1) {
    communityOf[p] = skewed(organizations, 2);
    communitySizes[communityOf[p]!]! += 1;
  }
  const members: Int32Array[] = Array.from(communitySizes, (size) => new Int32Array(Math.max(size, 1)));
  const filled = new Int32Array(organizations);
  for (let p = 0; p < persons; p += 1) {
    const c = communityOf[p]!;
    members[c]![filled[c]!] = p;
    filled[c]! += 1;
  }
  // An empty community still needs someone to lead it: a broker.
  members.forEach((list, c) => {
    if (communitySizes[c] === 0) list[0] = c % brokers;
  });
  const inCommunity = (c: number): number => members[c]![skewed(members[c]!.length, 3)]!;
  const broker = (): number => {
    const draw = random();
    let sum = 0;
    for (let b = 0; b < brokers; b += 1) {
      sum += BROKER_WEIGHTS[b]!;
      if (draw < sum) return b;
    }
    return brokers - 1;
  };
  const personDegree = new Int32Array(persons);

  mkdirSync(outDir, { recursive: true });
  const file = (name: string): string => path.join(outDir, name);

  const personFile = new CsvWriter(file('persons.csv'), 'personId:ID(Person),:LABEL,name,born:date,aliases:string[],risk:double');
  for (let p = 0; p < persons; p += 1) {
    const suspect = p < brokers || random() < 0.05;
    const alias = random() < 0.1 ? `${pick(aliases)};${pick(aliases)}` : undefined;
    await personFile.row([
      `p${p}`,
      suspect ? 'Person;Suspect' : 'Person',
      `${pick(firstNames)} ${pick(lastNames)} ${pick(lastNames)}`,
      day(),
      alias,
      Math.round(random() * 1000) / 1000,
    ]);
  }
  const orgFile = new CsvWriter(file('organizations.csv'), 'orgId:ID(Organization),:LABEL,name,founded:date,kind');
  for (let o = 0; o < organizations; o += 1) {
    await orgFile.row([`o${o}`, 'Organization', `${pick(orgWords)} ${pick(orgWords)} ${o}`, day(), pick(orgKinds)]);
  }
  const locationFile = new CsvWriter(file('locations.csv'), ':ID(Location),:LABEL,name,lat:double,lon:double');
  for (let l = 0; l < locations; l += 1) {
    await locationFile.row([`l${l}`, 'Location', `${pick(places)} ${l}`, (-18 + random() * 18).toFixed(4), (-81 + random() * 13).toFixed(4)]);
  }
  const eventFile = new CsvWriter(file('events.csv'), ':ID(Event),:LABEL,name,date:date,kind');
  for (let e = 0; e < events; e += 1) {
    const kind = pick(eventKinds);
    await eventFile.row([`e${e}`, 'Event', `${kind} ${e}`, day(), kind]);
  }

  const counts = typeCounts(relationships);
  const personPerson = new CsvWriter(file('person-person.csv'), ':START_ID(Person),:END_ID(Person),:TYPE,date:date,seconds:int');
  for (const type of ['CALLED', 'MET_WITH'] as const) {
    for (let i = 0; i < counts[type]; i += 1) {
      let a: number;
      let b: number;
      if (random() < BROKER_SHARE) {
        a = broker();
        b = skewed(persons, 1.5);
      } else {
        const c = communityOf[uniform(persons)]!;
        a = inCommunity(c);
        b = random() < INSIDE_COMMUNITY ? inCommunity(c) : uniform(persons);
      }
      if (a === b) b = (b + 1) % persons;
      if (random() < 0.5) [a, b] = [b, a];
      personDegree[a]! += 1;
      personDegree[b]! += 1;
      await personPerson.row([`p${a}`, `p${b}`, type, day(), type === 'CALLED' ? 5 + skewed(3600, 2) : undefined]);
    }
  }

  const personOrg = new CsvWriter(file('person-organization.csv'), ':START_ID(Person),:END_ID(Organization),:TYPE,date:date,amount:double');
  for (let i = 0; i < counts.MEMBER_OF; i += 1) {
    const p = i < persons ? i : uniform(persons);
    const o = i < persons ? communityOf[p]! : uniform(organizations);
    personDegree[p]! += 1;
    await personOrg.row([`p${p}`, `o${o}`, 'MEMBER_OF', day(), undefined]);
  }
  for (let i = 0; i < counts.LEADER_OF; i += 1) {
    const o = i % organizations;
    const p = random() < 0.1 ? broker() : members[o]![0]!;
    personDegree[p]! += 1;
    await personOrg.row([`p${p}`, `o${o}`, 'LEADER_OF', day(), undefined]);
  }
  const personFinanced = Math.round(counts.FINANCED * 0.6);
  for (let i = 0; i < personFinanced; i += 1) {
    const p = random() < 0.3 ? broker() : skewed(persons, 2);
    personDegree[p]! += 1;
    await personOrg.row([`p${p}`, `o${skewed(organizations, 2)}`, 'FINANCED', day(), (1000 + skewed(1_000_000, 3)).toFixed(2)]);
  }

  const orgOrg = new CsvWriter(file('organization-organization.csv'), ':START_ID(Organization),:END_ID(Organization),:TYPE,date:date,amount:double');
  const orgLinks = async (count: number, type: 'ALLIED_WITH' | 'FINANCED'): Promise<void> => {
    for (let i = 0; i < count; i += 1) {
      const a = skewed(organizations, 2);
      const b = (a + 1 + uniform(organizations - 1)) % organizations;
      await orgOrg.row([`o${a}`, `o${b}`, type, day(), type === 'FINANCED' ? (5000 + skewed(5_000_000, 3)).toFixed(2) : undefined]);
    }
  };
  await orgLinks(counts.ALLIED_WITH, 'ALLIED_WITH');
  await orgLinks(counts.FINANCED - personFinanced, 'FINANCED');

  const orgLocation = new CsvWriter(file('organization-location.csv'), ':START_ID(Organization),:END_ID(Location),:TYPE,date:date');
  for (let i = 0; i < counts.OPERATES_IN; i += 1) {
    await orgLocation.row([`o${skewed(organizations, 2)}`, `l${skewed(locations, 2)}`, 'OPERATES_IN', day()]);
  }

  const personEvent = new CsvWriter(file('person-event.csv'), ':START_ID(Person),:END_ID(Event),:TYPE,date:date,role');
  for (let i = 0; i < counts.PARTICIPATED_IN; i += 1) {
    const p = random() < BROKER_SHARE / 2 ? broker() : inCommunity(communityOf[uniform(persons)]!);
    personDegree[p]! += 1;
    await personEvent.row([`p${p}`, `e${skewed(events, 2)}`, 'PARTICIPATED_IN', day(), pick(roles)]);
  }

  const writers = [personFile, orgFile, locationFile, eventFile, personPerson, personOrg, orgOrg, orgLocation, personEvent];
  for (const writer of writers) await writer.close();

  const hubs = [...personDegree.keys()].sort((a, b) => personDegree[b]! - personDegree[a]!).slice(0, 5);
  return [
    ...writers.map((writer) => `${path.basename(writer.file)}: ${writer.rows.toLocaleString('en-US')} rows`),
    `Biggest person hubs: ${hubs.map((p) => `p${p} (${personDegree[p]!.toLocaleString('en-US')} links)`).join(', ')}`,
  ];
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({ options: { relationships: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(
      `Usage: npm run generate -- --relationships N --seed S [--out DIR]\n${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
    );
    process.exit(2);
  }
  const { relationships, seed, out } = parsed.data;
  const outDir = path.resolve(out ?? path.join(projectRoot, '.data', 'generated', `${relationships}-${seed}`));
  const started = Date.now();
  const summary = await generate(relationships, seed, outDir);
  console.log(`Wrote ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  for (const line of summary) console.log(`  ${line}`);
}

import { describe, expect, it } from 'vitest';
import { summariseNetwork, withNetwork } from './readNetwork.js';
import { refusal, tempFolder } from './testing.js';

describe('summariseNetwork', () => {
  it('counts nodes per label, relationships per type and undirected ties of a whole input', async () => {
    expect(await withNetwork('data/examples/network.net', {}, (network) => summariseNetwork(network))).toEqual({
      format: 'pajek',
      files: ['data/examples/network.net'],
      nodes: 12,
      relationships: 13,
      undirected: 3,
      labels: { Node: 12 },
      types: { CALLED: 6, PAID: 2, MET: 1, MET_AT: 2, WORKS_FOR: 2 },
    });
    const ftm = await withNetwork('data/examples/entities.ftm', {}, (network) => summariseNetwork(network));
    expect(ftm.labels).toEqual({ Person: 8, Company: 2, Vessel: 1, BankAccount: 1 });
    expect(ftm.types).toEqual({ Ownership: 4, Directorship: 1, Employment: 1, Family: 1, Associate: 1, Representation: 1, Membership: 1, UnknownLink: 1 });
  });

  it('passes the read options on: a forced format and --undirected', async () => {
    const options = { format: 'ucinet', undirected: true } as const;
    const summary = await withNetwork('data/examples/ucinet-fullmatrix.dl', options, (network) => summariseNetwork(network, options));
    expect(summary).toMatchObject({ format: 'ucinet', nodes: 12, relationships: 12, undirected: 12, types: { TIE: 12 } });
  });
});

describe('readNetwork', () => {
  it('refuses the labels Nexo keeps for itself with file:line, Entity included (an export could not give it back)', async () => {
    const folder = (label: string) => tempFolder({ 'nodes.csv': `id,label\na,Person\nb,${label}\n`, 'ties.csv': 'source,target\na,b\n' });
    for (const [label, reason] of [
      ['Entity', 'every node Nexo stores (an export could not give it back)'],
      ['Source', "Nexo's source documents"],
      ['__NexoDataset', "Nexo's own records (names starting with __)"],
    ]) {
      const input = folder(label!);
      expect(await refusal(input)).toBe(`${input}/nodes.csv:3: label "${label}" is reserved for ${reason}; name it otherwise`);
    }
  });
});

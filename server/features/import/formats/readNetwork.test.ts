import { describe, expect, it } from 'vitest';
import { openNetwork, summariseNetwork } from './readNetwork.js';

describe('summariseNetwork', () => {
  it('counts nodes per label, relationships per type and undirected ties of a whole input', async () => {
    expect(await summariseNetwork(openNetwork('data/examples/network.net'))).toEqual({
      format: 'pajek',
      files: ['data/examples/network.net'],
      nodes: 12,
      relationships: 13,
      undirected: 3,
      labels: { Node: 12 },
      types: { CALLED: 6, PAID: 2, MET: 1, MET_AT: 2, WORKS_FOR: 2 },
    });
    const ftm = await summariseNetwork(openNetwork('data/examples/entities.ftm'));
    expect(ftm.labels).toEqual({ Person: 8, Company: 2, Vessel: 1, BankAccount: 1 });
    expect(ftm.types).toEqual({ Ownership: 4, Directorship: 1, Employment: 1, Family: 1, Associate: 1, Representation: 1, Membership: 1, UnknownLink: 1 });
  });

  it('passes the read options on: a forced format and --undirected', async () => {
    const options = { format: 'ucinet', undirected: true } as const;
    const summary = await summariseNetwork(openNetwork('data/examples/ucinet-fullmatrix.dl', options), options);
    expect(summary).toMatchObject({ format: 'ucinet', nodes: 12, relationships: 12, undirected: 12, types: { TIE: 12 } });
  });
});

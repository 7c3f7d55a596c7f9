import * as analysis from '../api/analysis';
import * as http from '../api/client';

/** What the explorer asks of the server: the HTTP client in the app, an in-memory stand-in in unit tests. */
export type ExplorerApi = Pick<
  typeof http,
  | 'getNeighbours'
  | 'getSubgraph'
  | 'getDegrees'
  | 'getNode'
  | 'getSource'
  | 'getSchema'
  | 'findPaths'
  | 'getDatasets'
  | 'deleteDataset'
  | 'getCaptions'
  | 'putCaptions'
  | 'setDatasetScope'
> &
  Pick<
    typeof analysis,
    | 'getCentrality'
    | 'getCommunities'
    | 'getCores'
    | 'getBrokers'
    | 'getKeyPlayers'
    | 'getWhyCentral'
    | 'connectActors'
    | 'getCommonNeighbours'
    | 'getAnalysisStatus'
  >;

export const httpApi: ExplorerApi = { ...http, ...analysis };

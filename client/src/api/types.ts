/**
 * The API's shapes, taken from schema.gen.ts, which `npm run api:types` generates from the server's OpenAPI
 * document: change a server schema and the type check (and the drift test) tell the client.
 */
import type { components, operations } from './schema.gen';

/** The JSON body of an operation's 200 answer (never for a file download). */
export type Answer<Operation extends keyof operations> = operations[Operation]['responses'][200]['content'] extends { 'application/json': infer Body }
  ? Body
  : never;
/** An operation's query parameters as the server reads them. */
export type QueryParameters<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;
/** An operation's JSON request body. */
export type RequestBody<Operation extends keyof operations> = operations[Operation] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type Graph = Answer<'postApiSubgraph'>;
export type GraphNode = Graph['nodes'][number];
export type GraphEdge = Graph['edges'][number];

export type Direction = NonNullable<QueryParameters<'getApiNodesIdNeighbours'>['direction']>;
export type NodeDetails = Answer<'getApiNodesId'>;
export type Neighbours = Answer<'getApiNodesIdNeighbours'>;
export type NeighbourCount = Neighbours['counts'][number];

export type PathMode = NonNullable<QueryParameters<'getApiPaths'>['mode']>;
/**
 * What the Paths panel asks for; on the wire, types and excludeIds are comma-separated and directed is 'true' or
 * 'false'. Excluding whole kinds or types (excludeLabels, excludeTypes) and the dataset are not offered by the panel yet.
 */
export type PathQuery = Required<Omit<QueryParameters<'getApiPaths'>, 'types' | 'directed' | 'dataset' | 'excludeIds' | 'excludeLabels' | 'excludeTypes'>> & {
  types: string[];
  directed: boolean;
  /** Entities no path may pass through. */
  excludeIds?: string[];
};

export type PathsAnswer = Answer<'getApiPaths'>;
export type QueryResult = Answer<'postApiQuery'>;
/** A search suggestion: an entity and the line that tells it from its namesakes. */
export type SearchResult = Answer<'getApiSearch'>['results'][number];
export type Schema = Answer<'getApiSchema'>;
export type SourceDocument = Answer<'getApiSourcesId'>;
export type SourceQuote = SourceDocument['quotes'][number];
export type DatasetSummary = Answer<'getApiDatasets'>['datasets'][number];
export type DatasetCaptions = Answer<'getApiDatasetsIdCaptions'>;
export type MostConnected = Answer<'getApiMostConnected'>['results'][number];

/** An RFC 9457 problem as the server sends it. */
export type Problem = components['schemas']['Problem'];

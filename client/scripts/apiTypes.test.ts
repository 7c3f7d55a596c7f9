import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_HOPS } from '../src/state/paths';
import { generateApiTypes, generatedFile, serverDocument } from './apiTypes';

describe('the client API contract', () => {
  it('is what the server’s current OpenAPI document generates (else run `npm run api:types`)', async () => {
    const committed = readFileSync(generatedFile, 'utf8');
    expect(committed).toBe(await generateApiTypes());
  });

  it('carries the server’s id limits as values the client can split requests by', () => {
    expect(readFileSync(generatedFile, 'utf8')).toMatch(/export const maxIds = \{ subgraph: \d+, degrees: \d+, analysis: \d+ \} as const;/);
  });

  it('has one default for how far a path search looks: the Paths panel starts where the API does', async () => {
    type Parameter = { name: string; schema?: { default?: unknown } };
    const paths = (await serverDocument()).paths as unknown as Record<string, { get?: { parameters?: Parameter[] } }>;
    const maxHops = paths['/api/paths']?.get?.parameters?.find((parameter) => parameter.name === 'maxHops');
    expect(maxHops?.schema?.default).toBe(DEFAULT_MAX_HOPS);
  });
});

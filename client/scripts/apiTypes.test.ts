import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, generatedFile } from './apiTypes';

describe('the client API contract', () => {
  it('is what the server’s current OpenAPI document generates (else run `npm run api:types`)', async () => {
    const committed = readFileSync(generatedFile, 'utf8');
    expect(committed).toBe(await generateApiTypes());
  });

  it('carries the server’s id limits as values the client can split requests by', () => {
    expect(readFileSync(generatedFile, 'utf8')).toMatch(/export const maxIds = \{ subgraph: \d+, degrees: \d+ \} as const;/);
  });
});

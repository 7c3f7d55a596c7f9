const SHARDS = 64;

/**
 * A set of ids that may outgrow one JavaScript Set: V8 caps a Set at 2^24 (16.7 million) entries,
 * which a node file of a few hundred MB can pass, so ids are spread over shards by a string hash.
 */
export class IdSet {
  private readonly shards = Array.from({ length: SHARDS }, () => new Set<string>());

  has(id: string): boolean {
    return this.shardOf(id).has(id);
  }

  add(id: string): void {
    this.shardOf(id).add(id);
  }

  private shardOf(id: string): Set<string> {
    let hash = 0;
    for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) | 0;
    return this.shards[hash & (SHARDS - 1)]!;
  }
}

const SHARDS = 64;

function shardIndex(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return hash & (SHARDS - 1);
}

/**
 * A set of ids that may outgrow one JavaScript Set: V8 caps a Set at 2^24 (16.7 million) entries,
 * which a node file of a few hundred MB can pass, so ids are spread over shards by a string hash.
 */
export class IdSet {
  private readonly shards = Array.from({ length: SHARDS }, () => new Set<string>());

  has(id: string): boolean {
    return this.shards[shardIndex(id)]!.has(id);
  }

  add(id: string): void {
    this.shards[shardIndex(id)]!.add(id);
  }
}

/**
 * The node ids of an import, each with its place in file order (0, 1, 2 …), sharded like IdSet. The place is a
 * small integer, which V8 keeps inside the Map entry: what the write pass learns per node (its Neo4j id) goes in a
 * typed array indexed by it, not in a second map of strings.
 */
export class IdOrdinals {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, number>());
  private count = 0;

  has(id: string): boolean {
    return this.shards[shardIndex(id)]!.has(id);
  }

  /** The id's place, or undefined when it is not a node of the import. */
  get(id: string): number | undefined {
    return this.shards[shardIndex(id)]!.get(id);
  }

  /** Gives the id the next place. */
  add(id: string): void {
    this.shards[shardIndex(id)]!.set(id, this.count);
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }
}

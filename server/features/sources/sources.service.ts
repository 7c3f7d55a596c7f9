import { cypherFile } from '../../cypher.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../neo4j/database.js';
import { timedRead } from '../../neo4j/timedRead.js';

export interface QuoteUse {
  kind: 'node' | 'edge';
  id: string;
}

export interface LocatedQuote {
  quote: string;
  /** JavaScript string indices of the quote's first occurrence in the text; null when it is not verbatim there. */
  start: number | null;
  end: number | null;
  usedBy: QuoteUse[];
}

export interface SourceDocument {
  id: string;
  title: string;
  text: string;
  licence: string | null;
  attribution: string | null;
  url: string | null;
  quotes: LocatedQuote[];
}

interface QuotedItem {
  id: string;
  quotes: unknown[];
}

/** A source document with the position in its text of every quote the graph takes from it; 404 when unknown. */
export async function getSource(db: Pick<Database, 'driver' | 'name'>, id: string, timeoutMs: number): Promise<SourceDocument> {
  const record = await timedRead(db, timeoutMs, async (tx) => {
    return (await tx.run(cypherFile('sources/source.cypher'), { id })).records[0];
  });
  if (!record) throw new AppError(404, 'Unknown source', `No source document has the id "${id}".`);
  const source = record.get('source') as Record<string, unknown>;
  const text = typeof source.text === 'string' ? source.text : '';
  return {
    id: String(source.id),
    title: typeof source.title === 'string' ? source.title : String(source.id),
    text,
    licence: optionalText(source.licence),
    attribution: optionalText(source.attribution),
    url: optionalText(source.url),
    quotes: locateQuotes(text, [...uses('node', record.get('nodes') as QuotedItem[]), ...uses('edge', record.get('edges') as QuotedItem[])]),
  };
}

function uses(kind: QuoteUse['kind'], items: QuotedItem[]): { quote: string; use: QuoteUse }[] {
  return items.flatMap((item) =>
    (Array.isArray(item.quotes) ? item.quotes : [])
      .filter((quote): quote is string => typeof quote === 'string' && quote.length > 0)
      .map((quote) => ({ quote, use: { kind, id: item.id } })),
  );
}

/**
 * Groups uses by quote and finds each quote in the text. The first occurrence is the one given: the datasets
 * quote sentences, which a text seldom repeats word for word. Ordered by position, quotes not found last.
 */
export function locateQuotes(text: string, quoteUses: { quote: string; use: QuoteUse }[]): LocatedQuote[] {
  const byQuote = new Map<string, QuoteUse[]>();
  for (const { quote, use } of quoteUses) {
    const list = byQuote.get(quote) ?? [];
    if (!list.some((known) => known.kind === use.kind && known.id === use.id)) list.push(use);
    byQuote.set(quote, list);
  }
  const located = [...byQuote].map(([quote, usedBy]) => {
    const start = text.indexOf(quote);
    return {
      quote,
      start: start < 0 ? null : start,
      end: start < 0 ? null : start + quote.length,
      usedBy: usedBy.sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind === 'node' ? -1 : 1)),
    };
  });
  return located.sort(
    (a, b) =>
      (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) ||
      (a.end ?? 0) - (b.end ?? 0) ||
      (a.quote < b.quote ? -1 : a.quote > b.quote ? 1 : 0),
  );
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

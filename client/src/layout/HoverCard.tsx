import type { Hover } from '../graph/GraphCanvas';
import { familyName, linkFamily } from '../graph/linkStyle';
import { dateText } from '../state/filters';
import { arrow, firstQuote } from '../state/paths';
import { kindOf, type ViewState } from '../state/view';

/** Past this many characters a quote is cut: the card is a glance, the details panel has the whole text. */
const QUOTE_LENGTH = 220;

function shortened(quote: string): string {
  return quote.length > QUOTE_LENGTH ? `${quote.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : quote;
}

/** What the pointer rests on, at a glance: its name or type, kind or family, dates and first quote. */
export function HoverCard({ hover, view, stageWidth }: { hover: Hover; view: ViewState; stageWidth: number }) {
  const node = hover.group === 'nodes' ? view.nodes[hover.id] : undefined;
  const edge = hover.group === 'edges' ? view.edges[hover.id] : undefined;
  const item = node ?? edge;
  if (!item) return null;
  const dates = dateText(item.properties);
  const quote = firstQuote(item.properties);
  const flip = hover.at.x > stageWidth - 340;
  return (
    <div
      className="hover-card"
      role="tooltip"
      style={{ top: hover.at.y + 14, ...(flip ? { right: stageWidth - hover.at.x + 14 } : { left: hover.at.x + 14 }) }}
    >
      {node ? (
        <>
          <strong>{node.name}</strong>
          <span className="muted small"> · {kindOf(node)}</span>
        </>
      ) : edge ? (
        <>
          <strong>
            {view.nodes[edge.source]?.name ?? edge.source} {arrow(edge.type, true)} {view.nodes[edge.target]?.name ?? edge.target}
          </strong>
          <span className="muted small"> · {familyName(linkFamily(edge.type))}</span>
        </>
      ) : null}
      <div className="small">{dates ? `Dates: ${dates}` : 'Undated'}</div>
      {quote ? <blockquote className="small">“{shortened(quote)}”</blockquote> : <div className="muted small">No quote recorded.</div>}
    </div>
  );
}

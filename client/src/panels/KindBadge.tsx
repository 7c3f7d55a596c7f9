import { kindSwatch, kindStyle } from '../graph/nodeStyle';

/** A small coloured chip naming an entity kind, matching its colour on the canvas. */
export function KindBadge({ kind }: { kind: string }) {
  return (
    <span className="kind-badge" style={{ background: kindStyle(kind).color }}>
      {kind}
    </span>
  );
}

/** The kind's shape in its colour with its icon, as drawn on the canvas: for legends and lists where a text badge would crowd the names. */
export function KindSwatch({ kind }: { kind: string }) {
  return <img className="swatch kind-swatch" src={kindSwatch(kind)} alt="" title={kind} width={16} height={16} />;
}

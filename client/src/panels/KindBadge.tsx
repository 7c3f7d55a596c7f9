import { kindStyle } from '../graph/style';

/** A small coloured chip naming an entity kind, matching its colour on the canvas. */
export function KindBadge({ kind }: { kind: string }) {
  return (
    <span className="kind-badge" style={{ background: kindStyle(kind).color }}>
      {kind}
    </span>
  );
}

/** A small shape in the kind's colour, as drawn on the canvas: for lists where a text badge would crowd the names. */
export function KindSwatch({ kind }: { kind: string }) {
  const style = kindStyle(kind);
  const diamond = style.shape === 'round-diamond';
  return (
    <span
      className="swatch"
      title={kind}
      style={{
        background: style.color,
        borderRadius: style.shape === 'ellipse' ? '50%' : diamond ? '2px' : '4px',
        transform: diamond ? 'rotate(45deg) scale(0.8)' : undefined,
      }}
    />
  );
}

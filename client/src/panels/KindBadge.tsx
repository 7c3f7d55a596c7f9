import { kindStyle } from '../graph/style';

/** A small coloured chip naming an entity kind, matching its colour on the canvas. */
export function KindBadge({ kind }: { kind: string }) {
  return (
    <span className="kind-badge" style={{ background: kindStyle(kind).color }}>
      {kind}
    </span>
  );
}

import type { ReactElement } from 'react';
import { linkStyle } from '../graph/linkStyle';
import type { Theme } from '../graph/style';
import { SYMMETRIC_TYPES } from '../state/paths';

const DASHES = { solid: undefined, dashed: '4 3', dotted: '1.2 2.6' };

/** The arrowhead drawn at the swatch's right end, close to how Cytoscape draws it on the canvas. */
function head(arrow: string, color: string): ReactElement | null {
  switch (arrow) {
    case 'tee':
      return <rect x="21" y="1" width="2.5" height="10" fill={color} />;
    case 'circle':
      return <circle cx="22" cy="6" r="3.5" fill={color} />;
    case 'diamond':
      return <polygon points="17,6 21,2 25,6 21,10" fill={color} />;
    case 'square':
      return <rect x="18" y="2.5" width="7" height="7" fill={color} />;
    case 'vee':
      return <polygon points="17,1.5 25,6 17,10.5 19.5,6" fill={color} />;
    case 'chevron':
      return <polyline points="18,1.5 24,6 18,10.5" fill="none" stroke={color} strokeWidth="2" />;
    case 'none':
      return null;
    default:
      return <polygon points="17,1.5 25,6 17,10.5" fill={color} />;
  }
}

/** A short line in a relationship type's colour, line style and arrowhead, as drawn on the canvas. */
export function LinkSwatch({ type, theme }: { type: string; theme: Theme }) {
  const style = linkStyle(type, theme);
  return (
    <svg className="link-swatch" width="26" height="12" viewBox="0 0 26 12" aria-hidden="true" data-family={style.family}>
      <line x1="1" y1="6" x2="19" y2="6" stroke={style.color} strokeWidth="2.2" strokeDasharray={DASHES[style.line]} strokeLinecap="round" />
      {head(SYMMETRIC_TYPES.has(type) ? 'none' : style.arrow, style.color)}
    </svg>
  );
}

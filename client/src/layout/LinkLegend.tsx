import { useState } from 'react';
import { familyName, typesByFamily } from '../graph/linkStyle';
import type { Theme } from '../graph/style';
import { LinkSwatch } from '../panels/LinkSwatch';

/** Past this many types a family's row names the first ones and counts the rest (all in its tooltip and the Filters tab). */
const MAX_LISTED = 4;

/**
 * The relationship types drawn on the canvas, one row per family: its colour, line and arrowhead (the same for every
 * type of the family) and the types it holds; types of no known family share one "Other" row, each with its own
 * swatch. Folds to its title.
 */
export function LinkLegend({ types, theme }: { types: string[]; theme: Theme }) {
  // Open on a large screen; on a small one it starts folded, so it does not cover the path being looked at.
  const [open, setOpen] = useState(() => window.matchMedia?.('(min-width: 1400px)').matches ?? true);
  if (types.length === 0) return null;
  return (
    <section className="link-legend" aria-label="Relationship types on the canvas">
      <button type="button" className="link-legend-title" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} Relationships ({types.length})
      </button>
      {open ? (
        <ul>
          {typesByFamily(types).map((group) =>
            group.family === 'other' ? (
              // Types of no known family each have a colour of their own: one "Other" row lists them with their swatches.
              <li key="other" className="legend-other">
                <span>
                  <span className="legend-family">{familyName(group.family)}</span>
                  <span className="legend-types" title={group.types.join(', ')}>
                    {group.types.map((type) => (
                      <span key={type} className="legend-other-type">
                        <LinkSwatch type={type} theme={theme} /> {type}
                      </span>
                    ))}
                  </span>
                </span>
              </li>
            ) : (
              <li key={group.family}>
                <LinkSwatch type={group.types[0]!} theme={theme} />
                <span>
                  <span className="legend-family">{familyName(group.family)}</span>
                  <span className="legend-types" title={group.types.join(', ')}>
                    {group.types.length > MAX_LISTED
                      ? `${group.types.slice(0, MAX_LISTED - 1).join(', ')} +${group.types.length - MAX_LISTED + 1} more`
                      : group.types.join(', ')}
                  </span>
                </span>
              </li>
            ),
          )}
        </ul>
      ) : null}
    </section>
  );
}

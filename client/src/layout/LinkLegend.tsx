import { familyName, typesByFamily } from '../graph/linkStyle';
import type { Theme } from '../graph/style';
import { LinkSwatch } from '../panels/LinkSwatch';

/** The relationship types drawn on the canvas, by family, each with its colour, line and arrowhead; folds away. */
export function LinkLegend({ types, theme }: { types: string[]; theme: Theme }) {
  if (types.length === 0) return null;
  return (
    <details className="link-legend" open>
      <summary>Relationships ({types.length})</summary>
      <div className="link-legend-body" aria-label="Relationship types on the canvas">
        {typesByFamily(types).map((group) => (
          <section key={group.family}>
            <h4>{familyName(group.family)}</h4>
            <ul>
              {group.types.map((type) => (
                <li key={type}>
                  <LinkSwatch type={type} theme={theme} /> {type}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </details>
  );
}

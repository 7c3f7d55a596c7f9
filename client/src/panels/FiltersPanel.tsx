import type { Schema } from '../api/types';
import type { Theme } from '../graph/style';
import { linksPerYear, yearBounds } from '../state/filters';
import { kindOf, type Filters, type UndatedChoice, type ViewState } from '../state/view';
import { KindSwatch } from './KindBadge';
import { LinkSwatch } from './LinkSwatch';
import { Timeline } from './Timeline';

interface FiltersPanelProps {
  view: ViewState;
  schema: Schema | undefined;
  /** Where the schema's counts are from: the whole database or the chosen datasets. */
  totalsWhere: string;
  onToggle: (list: 'hiddenTypes' | 'hiddenKinds', value: string) => void;
  onYears: (years: Filters['years']) => void;
  onUndated: (choice: UndatedChoice) => void;
  theme: Theme;
  onShowHidden: () => void;
}

// Labels that are not kinds of entity: every entity has Entity; Source and Import are bookkeeping nodes.
const NOT_KINDS = new Set(['Entity', 'Source', 'Import']);

/** Live filters and legend: a year range over a timeline first, then entity kinds and relationship types (counts on canvas / in the database). */
export function FiltersPanel({ view, schema, totalsWhere, onToggle, onYears, onUndated, onShowHidden, theme }: FiltersPanelProps) {
  const onCanvasKinds = new Map<string, number>();
  for (const node of Object.values(view.nodes)) onCanvasKinds.set(kindOf(node), (onCanvasKinds.get(kindOf(node)) ?? 0) + 1);
  const onCanvasTypes = new Map<string, number>();
  for (const edge of Object.values(view.edges)) onCanvasTypes.set(edge.type, (onCanvasTypes.get(edge.type) ?? 0) + 1);
  const kinds = [
    ...new Set([
      ...(schema?.labels ?? []).filter((label) => label.count > 0 && !NOT_KINDS.has(label.name)).map((label) => label.name),
      ...onCanvasKinds.keys(),
    ]),
  ];
  const kindTotals = new Map((schema?.labels ?? []).map((label) => [label.name, label.count]));
  const types = [...new Set([...(schema?.relationshipTypes ?? []).filter((type) => type.count > 0).map((type) => type.name), ...onCanvasTypes.keys()])].sort(
    (a, b) => (onCanvasTypes.get(b) ?? 0) - (onCanvasTypes.get(a) ?? 0) || a.localeCompare(b),
  );
  const typeTotals = new Map((schema?.relationshipTypes ?? []).map((type) => [type.name, type.count]));
  const bounds = yearBounds([...Object.values(view.nodes), ...Object.values(view.edges)]);
  const years = view.filters.years ?? bounds;

  return (
    <section className="filters" aria-label="Legend and filters">
      <h3>Time</h3>
      {bounds && years ? (
        <div className="years">
          <Timeline bounds={bounds} counts={linksPerYear(Object.values(view.edges), bounds)} years={view.filters.years} onYears={onYears} />
          <div className="timeline-axis muted small" aria-hidden="true">
            <span>{bounds[0]}</span>
            <span>{bounds[1]}</span>
          </div>
          <div className="year-values" aria-live="polite">
            {view.filters.years ? `${years[0]} – ${years[1]}` : `All years (${bounds[0]} – ${bounds[1]})`}
          </div>
          <label>
            From
            <input
              type="range"
              min={bounds[0]}
              max={bounds[1]}
              value={Math.max(bounds[0], years[0])}
              aria-label="From year"
              onChange={(event) => onYears([Math.min(Number(event.target.value), years[1]), years[1]])}
            />
          </label>
          <label>
            To
            <input
              type="range"
              min={bounds[0]}
              max={bounds[1]}
              value={Math.min(bounds[1], years[1])}
              aria-label="To year"
              onChange={(event) => onYears([years[0], Math.max(Number(event.target.value), years[0])])}
            />
          </label>
          {view.filters.years ? (
            <button type="button" className="link" onClick={() => onYears(null)}>
              Show all years
            </button>
          ) : null}
          <fieldset className="undated-choice">
            <legend>Undated items while a range is set</legend>
            {(
              [
                ['show', 'Show'],
                ['dim', 'Dim'],
                ['hide', 'Hide'],
              ] as const
            ).map(([value, text]) => (
              <label key={value}>
                <input type="radio" name="undated" value={value} checked={view.filters.undated === value} onChange={() => onUndated(value)} /> {text}
              </label>
            ))}
          </fieldset>
          <p className="muted small">
            {view.filters.undated === 'show'
              ? 'Shown undated items are outlined dashed.'
              : 'The undated ends of dated relationships in range stay, at full strength.'}
          </p>
        </div>
      ) : (
        <p className="muted small">Nothing on the canvas carries a date yet.</p>
      )}
      <h3>Entity kinds</h3>
      <p className="muted small">on canvas / {totalsWhere} · untick to hide</p>
      <ul className="legend">
        {kinds.map((kind) => (
          <li key={kind}>
            <label>
              <input type="checkbox" checked={!view.filters.hiddenKinds.includes(kind)} onChange={() => onToggle('hiddenKinds', kind)} />
              <KindSwatch kind={kind} />
              <span className="legend-name">{kind}</span>
              <span className="count">
                {onCanvasKinds.get(kind) ?? 0} / {kindTotals.get(kind) ?? '?'}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <h3>Relationship types</h3>
      <ul className="legend">
        {types.map((type) => (
          <li key={type} className={onCanvasTypes.has(type) ? '' : 'absent'}>
            <label>
              <input type="checkbox" checked={!view.filters.hiddenTypes.includes(type)} onChange={() => onToggle('hiddenTypes', type)} />
              <LinkSwatch type={type} theme={theme} />
              <span className="legend-name">{type}</span>
              <span className="count">
                {onCanvasTypes.get(type) ?? 0} / {typeTotals.get(type) ?? '?'}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {view.hidden.length > 0 ? (
        <p>
          {view.hidden.length} hidden{' '}
          <button type="button" className="link" onClick={onShowHidden}>
            Show all
          </button>
        </p>
      ) : null}
    </section>
  );
}

import { useRef, useState, type PointerEvent } from 'react';

interface TimelineProps {
  bounds: [number, number];
  /** Dated relationships per year from bounds[0] (see linksPerYear). */
  counts: number[];
  years: [number, number] | null;
  onYears: (years: [number, number]) => void;
}

const WIDTH = 240;
const HEIGHT = 46;

/**
 * Dated relationships per year as bars; dragging across the bars brushes the year range (a click picks one year).
 * The sliders below stay for keyboard use.
 */
export function Timeline({ bounds, counts, years, onYears }: TimelineProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [brush, setBrush] = useState<[number, number] | undefined>();
  const span = bounds[1] - bounds[0] + 1;
  const barWidth = WIDTH / span;
  const highest = Math.max(1, ...counts);
  const yearAt = (event: PointerEvent<SVGSVGElement>): number => {
    const box = svg.current!.getBoundingClientRect();
    const share = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 0.9999);
    return bounds[0] + Math.floor(share * span);
  };
  const shown = brush ? ([Math.min(...brush), Math.max(...brush)] as [number, number]) : years;
  return (
    <svg
      ref={svg}
      className="timeline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Dated relationships per year, ${bounds[0]} to ${bounds[1]}: drag across to choose years`}
      onPointerDown={(event) => {
        svg.current!.setPointerCapture(event.pointerId);
        const year = yearAt(event);
        setBrush([year, year]);
      }}
      onPointerMove={(event) => {
        if (brush) setBrush([brush[0], yearAt(event)]);
      }}
      onPointerUp={(event) => {
        if (!brush) return;
        const end = yearAt(event);
        setBrush(undefined);
        onYears([Math.min(brush[0], end), Math.max(brush[0], end)]);
      }}
      onPointerCancel={() => setBrush(undefined)}
    >
      {shown ? (
        <rect
          className="timeline-range"
          x={(Math.max(shown[0], bounds[0]) - bounds[0]) * barWidth}
          y={0}
          width={(Math.min(shown[1], bounds[1]) - Math.max(shown[0], bounds[0]) + 1) * barWidth}
          height={HEIGHT}
        />
      ) : null}
      {counts.every((count) => count === 0) ? (
        // The years come from dated entities only (e.g. a founding year): say why no bar is drawn.
        <text className="timeline-empty" x={WIDTH / 2} y={HEIGHT / 2 + 4} textAnchor="middle">
          no dated relationships on the canvas
        </text>
      ) : null}
      {counts.map((count, index) =>
        count > 0 ? (
          <rect
            key={index}
            className={shown && (bounds[0] + index < shown[0] || bounds[0] + index > shown[1]) ? 'timeline-bar out' : 'timeline-bar'}
            x={index * barWidth + barWidth * 0.1}
            y={HEIGHT - (count / highest) * (HEIGHT - 4)}
            width={Math.max(barWidth * 0.8, 0.8)}
            height={(count / highest) * (HEIGHT - 4)}
          >
            <title>
              {bounds[0] + index}: {count} dated relationship{count === 1 ? '' : 's'}
            </title>
          </rect>
        ) : null,
      )}
    </svg>
  );
}

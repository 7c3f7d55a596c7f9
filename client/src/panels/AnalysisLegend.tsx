import {
  COLOURED_COMMUNITIES,
  communityColour,
  CENTRALITY_MEASURES,
  formatScore,
  OTHER_COMMUNITIES_COLOUR,
  scoreColour,
  type AnalysisState,
} from '../state/analysis';
import './analysis.css';

/** What the Analysis marks on the canvas mean: the score scale or community colours, and the rings. */
export function AnalysisLegend({ analysis }: { analysis: AnalysisState }) {
  const { result, overlay, linking } = analysis;
  if (!result && !linking) return null;
  const scored = result && (CENTRALITY_MEASURES.includes(result.request.measure) || result.request.measure === 'cores') && overlay !== 'none';
  const max = result ? result.rows.reduce((highest, row) => Math.max(highest, row.score), 0) : 0;
  const sizes = result?.communitySizes ?? [];
  const ringLabel = result?.request.measure === 'key-players' ? 'Key player' : result?.request.measure === 'brokers' ? 'Articulation point' : undefined;
  return (
    <div className="analysis-legend" role="group" aria-label="Analysis legend">
      {result?.communitySizes ? (
        <>
          <div className="analysis-legend-title">Communities</div>
          <ul>
            {sizes.slice(0, COLOURED_COMMUNITIES).map((size, community) => (
              <li key={community}>
                <span className="analysis-dot" style={{ background: communityColour(community) }} /> {community + 1}
                <span className="muted"> · {size}</span>
              </li>
            ))}
            {sizes.length > COLOURED_COMMUNITIES ? (
              <li>
                <span className="analysis-dot" style={{ background: OTHER_COMMUNITIES_COLOUR }} /> {sizes.length - COLOURED_COMMUNITIES} more
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      {scored ? (
        <>
          <div className="analysis-legend-title">
            {overlay === 'size' ? 'Size' : 'Colour'}: {result.scoreLabel.toLowerCase()}
          </div>
          {overlay === 'size' ? (
            <div className="analysis-scale">
              <span className="analysis-dot small-dot" /> 0<span className="analysis-dot large-dot" /> {formatScore(max)}
            </div>
          ) : (
            <div className="analysis-scale">
              0 <span className="analysis-gradient" style={{ background: `linear-gradient(to right, ${[0, 0.33, 0.66, 1].map(scoreColour).join(', ')})` }} />{' '}
              {formatScore(max)}
            </div>
          )}
          {result.scopeSize !== undefined && result.rows.length < result.scopeSize ? (
            <div className="muted">
              top {result.rows.length} of {result.scopeSize.toLocaleString('en')} marked
            </div>
          ) : null}
        </>
      ) : null}
      {ringLabel && result!.highlighted.length > 0 ? (
        <div>
          <span className="analysis-ring" /> {ringLabel}
          {result?.bridges && result.bridges.length > 0 ? (
            <>
              {' '}
              <span className="analysis-bridge-line" /> Bridge
            </>
          ) : null}
        </div>
      ) : null}
      {linking ? (
        <div>
          <span className="analysis-ring" /> {linking.kind === 'connect' ? 'Connecting actors and links' : 'Actors and common neighbours'}
        </div>
      ) : null}
    </div>
  );
}

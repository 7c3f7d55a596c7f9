import type { ComponentType } from 'react';
import { useExplorer, useExplorerState } from '../explorer/react';
import { update, type ExplorerState, type SideTab } from '../explorer/store';
import { DatasetPicker } from '../panels/DatasetPicker';
import { AnalysisPanel } from '../panels/AnalysisPanel';
import { CanvasListTab } from './CanvasListTab';
import { FiltersTab } from './FiltersTab';
import { PathsTab } from './PathsTab';

/** The side panel's tabs, in order: a new tab is one line here and its own component. */
const tabs: { id: SideTab; title: (state: ExplorerState) => string; Body: ComponentType }[] = [
  { id: 'filters', title: () => 'Filters', Body: FiltersTab },
  { id: 'paths', title: () => 'Paths', Body: PathsTab },
  { id: 'datasets', title: (state) => (state.chosenDatasets.length > 0 ? `Datasets (${state.chosenDatasets.length})` : 'Datasets'), Body: DatasetPicker },
  { id: 'canvas', title: (state) => `On canvas (${Object.keys(state.history.present.nodes).length})`, Body: CanvasListTab },
  { id: 'analysis', title: () => 'Analysis', Body: AnalysisPanel },
];

export function SidePanel() {
  const explorer = useExplorer();
  const current = useExplorerState((state) => state.sideTab);
  const titles = useExplorerState((state) => tabs.map((tab) => tab.title(state)).join('\n')).split('\n');
  const folded = useExplorerState((state) => state.sideFolded);
  const Body = tabs.find((tab) => tab.id === current)?.Body;
  if (folded)
    return (
      <nav className="left panel folded" aria-label="Side panel">
        <button
          type="button"
          className="fold"
          aria-label="Show the side panel"
          title="Show the side panel"
          onClick={() => update(explorer, { sideFolded: false })}
        >
          » {titles[tabs.findIndex((tab) => tab.id === current)] ?? 'Panel'}
        </button>
      </nav>
    );
  return (
    <nav className="left panel" aria-label="Side panel">
      <div className="tabs">
        <div className="tab-list" role="tablist" aria-label="Side panel">
          {tabs.map((tab, index) => (
            <button key={tab.id} type="button" role="tab" aria-selected={current === tab.id} onClick={() => update(explorer, { sideTab: tab.id })}>
              {titles[index]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="fold"
          aria-label="Fold the side panel"
          title="Fold the side panel"
          onClick={() => update(explorer, { sideFolded: true })}
        >
          «
        </button>
      </div>
      <div className="panel-body" role="tabpanel">
        {Body ? <Body /> : null}
      </div>
    </nav>
  );
}

import { useCallback, useRef, useState } from 'react';
import { httpApi } from './explorer/api';
import { initialTheme, useDatasetChoice, usePageSetUp, useShareLink, useShortcuts } from './explorer/browser';
import { chooseDatasets } from './explorer/datasets';
import { datasetsInSearch } from './state/url';
import { ExplorerContext, useExplorerState } from './explorer/react';
import { createExplorer } from './explorer/store';
import { useShownSelection } from './layout/derived';
import { ImportFlow } from './layout/ImportFlow';
import { Details, Overlays } from './layout/Overlays';
import { SidePanel } from './layout/SidePanel';
import { Stage } from './layout/Stage';
import { TopBar } from './layout/TopBar';

/** The page's layout; what each region does lives in layout/ and explorer/. */
function Page() {
  const searchInput = useRef<HTMLInputElement>(null);
  const focusSearch = useCallback(() => searchInput.current?.focus(), []);
  usePageSetUp();
  useDatasetChoice();
  useShareLink();
  useShortcuts(focusSearch);
  const detailsOpen = useExplorerState((state) => state.detailsOpen);
  const shownSelection = useShownSelection();
  const detailsFolded = useExplorerState((state) => state.detailsFolded);
  const sideFolded = useExplorerState((state) => state.sideFolded);
  const detailsShown = detailsOpen && shownSelection.length > 0;
  const classes = ['app', detailsShown ? 'with-right' : '', detailsShown && detailsFolded ? 'right-folded' : '', sideFolded ? 'left-folded' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <TopBar searchInput={searchInput} />
      <SidePanel />
      <Stage />
      <Details />
      <Overlays />
      <ImportFlow />
    </div>
  );
}

export function App() {
  const [explorer] = useState(() => {
    const created = createExplorer(httpApi, { theme: initialTheme() });
    // Before anything is fetched: a link's datasets scope the view it opens.
    chooseDatasets(created, datasetsInSearch(window.location.search));
    return created;
  });
  return (
    <ExplorerContext.Provider value={explorer}>
      <Page />
    </ExplorerContext.Provider>
  );
}

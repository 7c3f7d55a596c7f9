import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DatasetSummary, Graph, Schema } from '../api/types';
import type { GraphCanvasHandle, LayoutRequest, ViewportRequest } from '../graph/GraphCanvas';
import type { Theme } from '../graph/style';
import { initialAnalysis, type AnalysisState } from '../state/analysis';
import type { PathEnds } from '../state/paths';
import { amend, record, startHistory, type History } from '../state/history';
import type { Position } from '../state/placement';
import { failed, idle, loading, type RequestStatus } from '../state/request';
import { emptyView, type ViewProducer, type ViewState } from '../state/view';
import type { ExplorerApi } from './api';
import type { ImportFlow } from './importFiles';

export type { LayoutRequest, ViewportRequest };

export interface PathsState {
  paths: Graph[];
  active: number;
  only: boolean;
}

/** The id of a side-panel tab (layout/SidePanel.tsx lists them), so a new tab needs no change here. */
export type SideTab = string;

/** Everything the explorer shows; the view (what undo, the URL and exports keep) is the history's present. */
export interface ExplorerState {
  history: History<ViewState>;
  selection: string[];
  paths: PathsState | undefined;
  pathEnds: PathEnds;
  layoutRequest: LayoutRequest | undefined;
  viewportRequest: ViewportRequest | undefined;
  /** The user-visible request running or failed, with what retries it. */
  activity: RequestStatus;
  retry: (() => void) | undefined;
  notice: string;
  /** While a shared link is being opened, the address bar is left alone. */
  restoring: boolean;
  schema: Schema | undefined;
  schemaStatus: RequestStatus;
  /** Every dataset in the graph, once listed (explorer/datasets.ts). */
  datasets: DatasetSummary[] | undefined;
  datasetsStatus: RequestStatus;
  /** The datasets every request stays within; [] means all of them. */
  chosenDatasets: string[];
  theme: Theme;
  sideTab: SideTab;
  consoleOpen: boolean;
  /** The share of the stage's height the console drawer takes; the canvas keeps the rest. */
  consoleShare: number;
  detailsOpen: boolean;
  /** The side panel folded to a rail, leaving its width to the canvas. */
  sideFolded: boolean;
  /** The details folded to a rail: unlike closing them, a new selection leaves them folded. */
  detailsFolded: boolean;
  helpOpen: boolean;
  menu: { id: string; at: Position } | undefined;
  source: { sourceId: string; quote: string } | undefined;
  /** The Analysis panel's last result, its canvas overlay, and what runs (see explorer/analysis.ts). */
  analysis: AnalysisState;
  /** An import from the browser under way (see importFiles.ts). */
  importFlow: ImportFlow | undefined;
}

export interface Explorer {
  api: ExplorerApi;
  store: StoreApi<ExplorerState>;
  /** Pages on their way, so a second click does not fetch the same page again. */
  expanding: Set<string>;
  /** What reads from the drawing (images, where a node is drawn); set once the canvas is mounted. */
  canvas: GraphCanvasHandle | undefined;
  /** When the year range last moved: a slider drag is one change for undo, not one per step. */
  yearsEditedAt: number;
}

export function initialState(): ExplorerState {
  return {
    history: startHistory(emptyView()),
    selection: [],
    paths: undefined,
    pathEnds: {},
    layoutRequest: undefined,
    viewportRequest: undefined,
    activity: idle,
    retry: undefined,
    notice: '',
    restoring: false,
    schema: undefined,
    schemaStatus: idle,
    datasets: undefined,
    datasetsStatus: idle,
    chosenDatasets: [],
    theme: 'light',
    sideTab: 'filters',
    consoleOpen: false,
    consoleShare: 0.45,
    detailsOpen: true,
    sideFolded: false,
    detailsFolded: false,
    helpOpen: false,
    menu: undefined,
    source: undefined,
    analysis: initialAnalysis,
    importFlow: undefined,
  };
}

export function createExplorer(api: ExplorerApi, initial: Partial<ExplorerState> = {}): Explorer {
  return { api, store: createStore<ExplorerState>()(() => ({ ...initialState(), ...initial })), expanding: new Set(), canvas: undefined, yearsEditedAt: 0 };
}

/** The view as it is now (not as of the last render). */
export function viewOf(explorer: Explorer): ViewState {
  return explorer.store.getState().history.present;
}

export function update(explorer: Explorer, change: Partial<ExplorerState> | ((state: ExplorerState) => Partial<ExplorerState>)): void {
  explorer.store.setState(change);
}

/** A change undo can take back. */
export function commit(explorer: Explorer, producer: ViewProducer): void {
  update(explorer, (state) => ({ history: record(producer)(state.history) }));
}

/** A change folded into the current step (the positions a layout settles on, degrees that arrive later). */
export function fold(explorer: Explorer, producer: ViewProducer): void {
  update(explorer, (state) => ({ history: amend(producer)(state.history) }));
}

export function requestLayout(explorer: Explorer, request: LayoutRequest): void {
  update(explorer, { layoutRequest: request });
}

export function requestViewport(explorer: Explorer, request: ViewportRequest): void {
  update(explorer, { viewportRequest: request });
}

/** The canvas carried out a request: it is no longer pending (unless a newer one replaced it meanwhile). */
export function requestTaken(explorer: Explorer, request: LayoutRequest | ViewportRequest): void {
  update(explorer, (state) => ({
    layoutRequest: state.layoutRequest === request ? undefined : state.layoutRequest,
    viewportRequest: state.viewportRequest === request ? undefined : state.viewportRequest,
  }));
}

/** Runs one user-visible request: a spinner while it runs, its error (with retry) if it fails. */
export async function perform(explorer: Explorer, what: string, action: () => Promise<void>): Promise<void> {
  update(explorer, { activity: loading(what), notice: '', retry: () => void perform(explorer, what, action) });
  try {
    await action();
    update(explorer, { activity: idle });
  } catch (error) {
    update(explorer, { activity: failed(error) });
  }
}

import { visibleIds } from '../state/filters';
import { redo, undo } from '../state/history';
import type { Position } from '../state/placement';
import {
  clearView,
  collapse,
  hideNodes,
  removeNodes,
  setFilters,
  setLayout,
  setPositions,
  showAll,
  toggleFilterValue,
  togglePin,
  type Filters,
  type UndatedChoice,
} from '../state/view';
import { commit, fold, requestLayout, update, viewOf, type Explorer } from './store';

/** The selected ids that are nodes on the canvas (not edges). */
export function selectedNodeIds(explorer: Explorer): string[] {
  const view = viewOf(explorer);
  return explorer.store.getState().selection.filter((id) => view.nodes[id]);
}

/** The canvas or a list selected these; the details open for a new selection. */
export function select(explorer: Explorer, ids: string[]): void {
  update(explorer, (state) => ({
    selection: state.selection.length === ids.length && state.selection.every((id, index) => id === ids[index]) ? state.selection : ids,
    detailsOpen: ids.length > 0 ? true : state.detailsOpen,
  }));
}

/** Ctrl+A: every node the canvas shows (not the hidden or filtered ones). */
export function selectAll(explorer: Explorer): void {
  select(explorer, [...visibleIds(viewOf(explorer)).nodes]);
}

/** Empties the canvas in one step undo takes back; filters and the layout stay as chosen. */
export function clearCanvas(explorer: Explorer): void {
  commit(explorer, clearView());
  update(explorer, { selection: [], paths: undefined, menu: undefined });
}

export function removeSelected(explorer: Explorer): void {
  const ids = selectedNodeIds(explorer);
  if (ids.length === 0) return;
  commit(explorer, removeNodes(ids));
  update(explorer, { selection: [] });
}

export function removeNodeIds(explorer: Explorer, ids: string[]): void {
  if (ids.length === 0) return;
  commit(explorer, removeNodes(ids));
  update(explorer, (state) => ({ selection: state.selection.filter((id) => !ids.includes(id)) }));
}

export function hideSelected(explorer: Explorer): void {
  const ids = selectedNodeIds(explorer);
  if (ids.length === 0) return;
  commit(explorer, hideNodes(ids));
  update(explorer, { selection: [] });
}

export function hideNodeIds(explorer: Explorer, ids: string[]): void {
  commit(explorer, hideNodes(ids));
}

export function showHidden(explorer: Explorer): void {
  commit(explorer, showAll());
}

export function pinSelected(explorer: Explorer): void {
  pinNodeIds(explorer, selectedNodeIds(explorer));
}

export function pinNodeIds(explorer: Explorer, ids: string[]): void {
  if (ids.length > 0) commit(explorer, togglePin(ids));
}

/** Takes back what expanding a node brought in. */
export function collapseNode(explorer: Explorer, id: string): void {
  commit(explorer, collapse(id));
}

/** Runs a layout over the whole view, rooted at the selected nodes (for trees and hierarchies). */
export function runLayout(explorer: Explorer, layout: string = viewOf(explorer).layout): void {
  commit(explorer, setLayout(layout));
  requestLayout(explorer, { kind: 'layout', layout, roots: selectedNodeIds(explorer) });
}

/** Positions from the canvas: a drag is a step for undo; a layout's result belongs to the step that asked for it. */
export function storePositions(explorer: Explorer, positions: Record<string, Position>, reason: 'drag' | 'layout' | 'settle'): void {
  if (reason === 'drag') commit(explorer, setPositions(positions));
  else fold(explorer, setPositions(positions));
}

export function toggleFilter(explorer: Explorer, list: 'hiddenTypes' | 'hiddenKinds', value: string): void {
  commit(explorer, toggleFilterValue(list, value));
}

/** A slider drag is one change for undo, not one per step. */
export function changeYears(explorer: Explorer, years: Filters['years'], now: number = Date.now()): void {
  if (now - explorer.yearsEditedAt < 1500) fold(explorer, setFilters({ years }));
  else commit(explorer, setFilters({ years }));
  explorer.yearsEditedAt = now;
}

/** Shows, dims or hides the undated items while a year range is set. */
export function changeUndated(explorer: Explorer, undated: UndatedChoice): void {
  if (viewOf(explorer).filters.undated !== undated) commit(explorer, setFilters({ undated }));
}

export function undoStep(explorer: Explorer): void {
  update(explorer, (state) => ({ history: undo<typeof state.history.present>()(state.history) }));
}

export function redoStep(explorer: Explorer): void {
  update(explorer, (state) => ({ history: redo<typeof state.history.present>()(state.history) }));
}

// The explorer's ties to the page: the address bar, the keyboard, the theme, downloads.
import { useEffect } from 'react';
import type { Theme } from '../graph/style';
import { handleKey } from './keyboard';
import { useExplorer } from './react';
import { loadSchema } from './schema';
import { currentLink, restoreFromLink } from './shareLink';
import type { Save } from './exchange';
import { searchWithDatasets } from '../state/url';
import { loadDatasets } from './datasets';

export function initialTheme(): Theme {
  const saved = localStorage.getItem('nexo-theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const download: Save = (name, content, type) => {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  // Checkboxes, radios and sliders take no text, so shortcuts (undo included) still apply while they have focus.
  const textInput = element.tagName === 'INPUT' && !['checkbox', 'radio', 'range', 'button', 'file'].includes((element as HTMLInputElement).type);
  return element.isContentEditable || textInput || ['TEXTAREA', 'SELECT'].includes(element.tagName) || !!element.closest('.cm-editor');
}

/** Opens the view in the address bar (on load and when the hash changes) and keeps the address bar in step with the view. */
export function useShareLink(): void {
  const explorer = useExplorer();
  useEffect(() => {
    void restoreFromLink(explorer, window.location.hash);
    // The hash the address changed to, not the address bar's by the time the event runs: the view written there 250 ms
    // after the last change (below) may have replaced it meanwhile, and would be restored instead of the link.
    const restore = (event: HashChangeEvent) => void restoreFromLink(explorer, new URL(event.newURL).hash);
    window.addEventListener('hashchange', restore);
    let timer: number | undefined;
    const unsubscribe = explorer.store.subscribe((state, previous) => {
      if (state.history.present === previous.history.present && state.selection === previous.selection && state.paths === previous.paths) return;
      window.clearTimeout(timer);
      // Copying the address bar shares what is on screen; written once the view rests.
      timer = window.setTimeout(() => {
        const hash = currentLink(explorer);
        if (hash === undefined || hash === window.location.hash || (hash === '' && window.location.hash === '')) return;
        window.history.replaceState(null, '', hash || window.location.pathname + window.location.search);
      }, 250);
    });
    return () => {
      window.removeEventListener('hashchange', restore);
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [explorer]);
}

/** Keyboard shortcuts anywhere on the page (see keyboard.ts). */
export function useShortcuts(focusSearch: () => void): void {
  const explorer = useExplorer();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Taken already by what has focus (Escape closing the editor's completion list, Enter picking a suggestion).
      if (event.defaultPrevented) return;
      const context = { typing: isTyping(event.target), dialogOpen: !!document.querySelector('dialog[open]'), focusSearch };
      if (handleKey(explorer, event, context)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [explorer, focusSearch]);
}

/** Applies and remembers the theme; reads the schema once. */
export function usePageSetUp(): void {
  const explorer = useExplorer();
  useEffect(() => {
    void loadSchema(explorer);
    const apply = (theme: Theme) => {
      document.documentElement.dataset.theme = theme;
      localStorage.setItem('nexo-theme', theme);
    };
    apply(explorer.store.getState().theme);
    return explorer.store.subscribe((state, previous) => {
      if (state.theme !== previous.theme) apply(state.theme);
    });
  }, [explorer]);
}

/** Lists the datasets once, keeps the chosen ones in the address bar (`?dataset=`) beside the view's hash, and reads the schema again within them. */
export function useDatasetChoice(): void {
  const explorer = useExplorer();
  useEffect(() => {
    void loadDatasets(explorer);
    return explorer.store.subscribe((state, previous) => {
      if (state.chosenDatasets === previous.chosenDatasets) return;
      // The filters count within the chosen datasets.
      if (state.chosenDatasets.join(',') !== previous.chosenDatasets.join(',')) void loadSchema(explorer);
      const search = searchWithDatasets(window.location.search, state.chosenDatasets);
      if (search !== window.location.search) window.history.replaceState(null, '', window.location.pathname + search + window.location.hash);
    });
  }, [explorer]);
}

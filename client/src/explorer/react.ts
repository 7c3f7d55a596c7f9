import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Explorer, ExplorerState } from './store';

export const ExplorerContext = createContext<Explorer | undefined>(undefined);

/** The explorer the app runs, for components that call its actions. */
export function useExplorer(): Explorer {
  const explorer = useContext(ExplorerContext);
  if (!explorer) throw new Error('useExplorer needs an ExplorerContext provider');
  return explorer;
}

/** One piece of the explorer's state; the component renders again when that piece changes. */
export function useExplorerState<T>(select: (state: ExplorerState) => T): T {
  return useStore(useExplorer().store, select);
}

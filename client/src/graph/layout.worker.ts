import { computePacked, type PackedLayout } from './forceAtlas';

/** A layout to run, numbered so the page matches each answer to its request. */
export interface LayoutJob {
  id: number;
  layout: PackedLayout;
}

/** The final positions only, in the packing of PackedLayout.positions. */
export interface LayoutAnswer {
  id: number;
  positions: Float64Array;
}

// Vite bundles this file on its own (forceAtlasLayout.ts starts it with `new Worker(new URL(...))`), so the page loads
// it from its own origin and the Content-Security-Policy's 'self' covers it.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutJob>) => void) | null;
  postMessage: (message: LayoutAnswer, transfer: Transferable[]) => void;
};
scope.onmessage = ({ data }) => {
  const positions = computePacked(data.layout);
  scope.postMessage({ id: data.id, positions }, [positions.buffer]);
};

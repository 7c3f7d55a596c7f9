import { Dialog } from './Dialog';

const SHORTCUTS: [string, string][] = [
  ['/', 'Search'],
  ['Double-click a node', 'Expand its neighbours (25 at a time)'],
  ['Right-click / long-press', 'Neighbour counts per type, then expand a slice; on one of several selected, act on all of them'],
  ['Shift + click, Shift + drag', 'Add to the selection, select with a box'],
  ['Ctrl + A', 'Select every node shown'],
  ['M or the Menu key', 'Open the menu (counts, expand, pin…) of the selection'],
  ['E', 'Expand the selected nodes'],
  ['H', 'Hide the selected nodes'],
  ['Delete', 'Remove the selected nodes'],
  ['P', 'Pin or unpin the selected nodes'],
  ['F', 'Fit the view'],
  ['L', 'Run the layout again'],
  ['+ / −', 'Zoom in / out'],
  ['Ctrl + Z', 'Undo'],
  ['Ctrl + Shift + Z, Ctrl + Y', 'Redo'],
  ['Ctrl + Enter', 'Run the Cypher in the console'],
  ['Escape', 'Close a menu, dialog or the console, clear the path highlight'],
  ['?', 'This help'],
];

/** Keyboard shortcuts and how the explorer works, in one place. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Help" onClose={onClose}>
      <p>
        Search an actor, place it on the canvas, and expand from there. Every link comes from a quoted sentence of a source document: select it to read the
        quote, and open the source to see it in context. The address bar always holds the current view, so copying it shares exactly what you see.
      </p>
      <table className="shortcuts">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

/** Undo history over snapshots of plain data: producers never mutate, so keeping references is enough. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

const LIMIT = 100;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Applies a change that undo can take back; a change that alters nothing leaves the history as it was. */
export const record =
  <T>(producer: (state: T) => T) =>
  (history: History<T>): History<T> => {
    const next = producer(history.present);
    if (next === history.present) return history;
    return { past: [...history.past, history.present].slice(-LIMIT), present: next, future: [] };
  };

/** Applies a change folded into the current step (e.g. the positions a layout settles on after an expansion). */
export const amend =
  <T>(producer: (state: T) => T) =>
  (history: History<T>): History<T> => ({ ...history, present: producer(history.present) });

export const undo =
  <T>() =>
  (history: History<T>): History<T> => {
    const previous = history.past.at(-1);
    if (previous === undefined) return history;
    return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
  };

export const redo =
  <T>() =>
  (history: History<T>): History<T> => {
    const [next, ...rest] = history.future;
    if (next === undefined) return history;
    return { past: [...history.past, history.present], present: next, future: rest };
  };

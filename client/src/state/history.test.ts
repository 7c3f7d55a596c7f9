import { describe, expect, it } from 'vitest';
import { amend, record, redo, startHistory, undo } from './history';

const add = (n: number) => (value: number) => value + n;

describe('undo history', () => {
  it('undoes and redoes recorded changes in order', () => {
    let history = startHistory(0);
    history = record(add(1))(history);
    history = record(add(10))(history);
    history = undo<number>()(history);
    expect(history.present).toBe(1);
    history = undo<number>()(history);
    expect(history.present).toBe(0);
    history = redo<number>()(history);
    expect(history.present).toBe(1);
  });

  it('forgets the redo branch when a new change is recorded', () => {
    const history = record(add(5))(undo<number>()(record(add(1))(startHistory(0))));
    expect(history.present).toBe(5);
    expect(history.future).toEqual([]);
  });

  it('folds an amendment into the current step, so one undo takes back both', () => {
    const history = amend(add(100))(record(add(1))(startHistory(0)));
    expect(history.present).toBe(101);
    expect(undo<number>()(history).present).toBe(0);
  });

  it('records nothing for a change that changes nothing, and ignores undo with no past', () => {
    const start = startHistory(3);
    expect(record((value: number) => value)(start)).toBe(start);
    expect(undo<number>()(start)).toBe(start);
    expect(redo<number>()(start)).toBe(start);
  });
});

import { describe, expect, it } from 'vitest';
import { moveCursor, startCell } from './heatmap-cursor';

const b = { rows: 5, columns: 720, oldestColumn: 600 };

describe('moveCursor', () => {
  it.each([
    { from: [2, 700], key: 'ArrowLeft', to: [2, 699] },
    { from: [2, 700], key: 'ArrowRight', to: [2, 701] },
    { from: [2, 719], key: 'ArrowRight', to: [2, 719] },
    { from: [2, 0], key: 'ArrowLeft', to: [2, 0] },
    { from: [2, 700], key: 'ArrowUp', to: [1, 700] },
    { from: [0, 700], key: 'ArrowUp', to: [0, 700] },
    { from: [4, 700], key: 'ArrowDown', to: [4, 700] },
    { from: [2, 700], key: 'Home', to: [2, 600] },
    { from: [2, 650], key: 'End', to: [2, 719] },
    { from: [2, 650], key: 'PageUp', to: [0, 650] },
    { from: [2, 650], key: 'PageDown', to: [4, 650] },
  ])('$key from $from -> $to', ({ from, key, to }) => {
    expect(moveCursor({ row: from[0]!, column: from[1]! }, key, b)).toEqual({
      row: to[0],
      column: to[1],
    });
  });

  it('leaves other keys alone', () => {
    expect(moveCursor({ row: 0, column: 0 }, 'a', b)).toBeUndefined();
  });

  it('keeps a cursor past the last row (rows folded away) on the last row', () => {
    expect(moveCursor({ row: 9, column: 700 }, 'ArrowLeft', b)).toEqual({ row: 4, column: 699 });
  });

  it('starts at the top row, newest column', () => {
    expect(startCell(b)).toEqual({ row: 0, column: 719 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/protocol/protocol';
import { NoteBudget } from './note-budget';

const note = (id: string, text = ''): Annotation => ({
  v: 1,
  id,
  t: 0,
  title: 'n',
  kind: 'note',
  ...(text && { text }),
});

describe('the notes the gateway holds', () => {
  it('refuses a new note past the count, and takes it again after a removal', () => {
    const budget = new NoteBudget({ count: 2, bytes: 1e6 });
    budget.set(note('a'));
    budget.set(note('b'));
    expect(budget.refuses(note('c'))).toMatch(/holds 2 notes, its limit/);
    // an edit of a note held is not a new one
    expect(budget.refuses(note('b', 'edited'))).toBeNull();
    budget.remove('a');
    expect(budget.refuses(note('c'))).toBeNull();
  });

  it('refuses a note that would take the notes past the byte limit', () => {
    const size = JSON.stringify(note('a', 'x'.repeat(100))).length;
    const budget = new NoteBudget({ count: 100, bytes: 2 * size });
    budget.set(note('a', 'x'.repeat(100)));
    budget.set(note('b', 'x'.repeat(100)));
    expect(budget.refuses(note('c'))).toMatch(/more than the gateway's limit/);
    // shrinking a note held is always allowed, growing one is not
    expect(budget.refuses(note('b', 'x'))).toBeNull();
    expect(budget.refuses(note('b', 'x'.repeat(101)))).toMatch(/limit/);
    budget.set(note('b', 'x'));
    expect(budget.bytes).toBe(size + JSON.stringify(note('b', 'x')).length);
    expect(budget.count).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { createReplayControls } from './replay-controls';
import type { ReplayController } from './replay-session';

/** a controller that counts its disposals */
function controller() {
  const disposed = { count: 0 };
  const c = { dispose: () => void disposed.count++ } as unknown as ReplayController;
  return { c, disposed };
}

describe('createReplayControls', () => {
  it('holds nothing until a recording is opened', () => {
    expect(createReplayControls().current()).toBeUndefined();
  });

  it('holds the controller given, and disposes it when another replaces it', () => {
    const controls = createReplayControls();
    const first = controller();
    const second = controller();
    controls.replace(first.c);
    expect(controls.current()).toBe(first.c);
    controls.replace(second.c);
    expect(controls.current()).toBe(second.c);
    expect(first.disposed.count).toBe(1);
    expect(second.disposed.count).toBe(0);
    controls.replace(undefined);
    expect(controls.current()).toBeUndefined();
    expect(second.disposed.count).toBe(1);
  });

  it('tells its listeners of a change, and not of the same controller again', () => {
    const controls = createReplayControls();
    const one = controller();
    let calls = 0;
    const unsubscribe = controls.subscribe(() => calls++);
    controls.replace(one.c);
    controls.replace(one.c);
    expect(calls).toBe(1);
    expect(one.disposed.count).toBe(0);
    unsubscribe();
    controls.replace(undefined);
    expect(calls).toBe(1);
  });
});

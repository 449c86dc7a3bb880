/**
 * Runs a step function at a steady wall-clock rate without drift: each step is scheduled
 * against the start time, not after the previous one, so timer lateness does not accumulate.
 */
export function pace(intervalMs: number, step: () => void): () => void {
  const start = performance.now();
  let n = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    step();
    n++;
    // the n-th step was due at start + n intervals; the next one is one interval later
    const due = start + (n + 1) * intervalMs;
    timer = setTimeout(tick, Math.max(0, due - performance.now()));
  };
  timer = setTimeout(tick, intervalMs);
  return () => clearTimeout(timer);
}

/**
 * Whether a page that hit a fatal error reloads itself: a wall has nobody to press F5, so it
 * does, after a short delay, unless it has reloaded too often lately (an error that comes back
 * on every load would otherwise reload it forever); then it stops and shows the error.
 */
export interface ReloadPolicy {
  /** most reloads within `withinMs` */
  max: number;
  withinMs: number;
  /** how long the error shows before the reload */
  delayMs: number;
}

export const RELOAD_POLICY: ReloadPolicy = { max: 3, withinMs: 10 * 60_000, delayMs: 5000 };

export type ReloadPlan =
  | { reload: true; delayMs: number; history: number[] }
  | { reload: false; history: number[]; tries: number; withinMs: number };

/** `history`: when this tab reloaded itself before (ms); returns the history to keep. */
export function planReload(
  history: readonly number[],
  now: number,
  policy: ReloadPolicy = RELOAD_POLICY,
): ReloadPlan {
  const recent = history.filter((t) => t <= now && now - t < policy.withinMs);
  if (recent.length >= policy.max) {
    return { reload: false, history: recent, tries: recent.length, withinMs: policy.withinMs };
  }
  return { reload: true, delayMs: policy.delayMs, history: [...recent, now] };
}

/**
 * Reads the stored history; anything unreadable (another version's, a hand edit) counts as
 * none, so the guard can never stop a first reload.
 */
export function parseReloadHistory(text: string | null): number[] {
  if (text === null) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? value.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)).slice(-20)
      : [];
  } catch {
    return [];
  }
}

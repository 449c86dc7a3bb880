import type { ReloadPlan } from '../../state/reload-plan';

/** What a page that hit a fatal error says: the error, and whether it is reloading. */
export function fatalWords(error: string, plan: ReloadPlan | undefined): string {
  const head = `Skewboard hit an error it cannot carry on from: ${error}.`;
  if (plan === undefined) return head;
  if (plan.reload) {
    return `${head} Reloading in ${Math.round(plan.delayMs / 1000)} s, back to this view.`;
  }
  const minutes = Math.round(plan.withinMs / 60_000);
  return `${head} It reloaded itself ${plan.tries} times in ${minutes} minutes and has stopped trying: reload it once the cause is fixed.`;
}

/** An error as one short line: a thrown non-Error is shown as what it is. */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

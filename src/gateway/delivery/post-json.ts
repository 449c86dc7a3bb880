/** POSTs JSON and resolves when the receiver took it (2xx); anything else throws, saying why. */

/** a receiver slower than this is treated as down: the next attempt comes after a wait */
const TIMEOUT_MS = 5000;

export async function postJson(url: string, body: unknown): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new Error(cause ?? (err instanceof Error ? err.message : String(err)), { cause: err });
  }
  // read the answer so the connection can be reused
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new Error(`HTTP ${res.status}${text ? `: ${text.trim().slice(0, 200)}` : ''}`);
}

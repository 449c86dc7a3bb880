/** Asks the browser to save `href` as a file named `name`. */
export function downloadUrl(href: string, name: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
}

/** Saves data made in the page; its object URL is released once the download has begun. */
export function downloadBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  downloadUrl(href, name);
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Fetches `href` presenting `token` as `Authorization: Bearer`, never in the URL (where it
 * would sit in the history, logs and the file's origin), and saves the answer as `name`.
 */
export async function downloadWithToken(href: string, token: string, name: string): Promise<void> {
  const res = await fetch(href, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!res.ok) throw new Error(`the gateway answered ${res.status} ${res.statusText}`.trim());
  downloadBlob(await res.blob(), name);
}

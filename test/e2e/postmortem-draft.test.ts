/**
 * The postmortem draft from a review in Debian's Chromium: "Postmortem draft" downloads the
 * markdown `skewboard postmortem` writes of the shipped sample, in the page's zone, and the
 * view as a PNG beside it, which the draft shows under its title.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../support/services';
import { launchBrowser, ROOT, startGateway, tempDir } from './harness';
import { attr, waitFor } from './wait';

const later = cleanupsAfterEach();
const SAMPLE = 'public/samples/2024-05-15-lb-misconfig.ndjson.gz';

async function saved(download: Download, dir: string): Promise<string> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

describe('the postmortem draft of a review', () => {
  it('downloads the draft the command writes, in the page zone, with the view beside it', async () => {
    const gateway = await startGateway(['--no-record']);
    later(() => gateway.stop());
    const browser = await launchBrowser();
    later(() => browser.close());
    const dir = await tempDir();
    later(() => dir.remove());
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${gateway.url}?replay=/${SAMPLE.replace('public/', '')}&tz=UTC`);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay', 30_000);
    // the draft is of the whole recording, whatever the cursor and alerts show now
    const button = page.locator('[data-testid=postmortem-draft]');
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await button.click();
    await waitFor(async () => downloads.length, 2, 30_000);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names).toEqual([
      '2024-05-15-lb-misconfig-postmortem.md',
      '2024-05-15-lb-misconfig-postmortem.png',
    ]);
    const paths = await Promise.all(downloads.map((d) => saved(d, dir.path)));
    const md = paths.find((p) => p.endsWith('.md'));
    const png = paths.find((p) => p.endsWith('.png'));
    const draft = readFileSync(md!, 'utf8');
    const image = readFileSync(png!);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(draft).toContain(
      '![The incident as Skewboard showed it](2024-05-15-lb-misconfig-postmortem.png)',
    );

    // the same text as the command, in the same zone, with the image line besides
    const command = spawnSync(
      process.execPath,
      [join(ROOT, 'src/gateway/bin.js'), 'postmortem', join(ROOT, SAMPLE), '--tz', 'UTC'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(command.status).toBe(0);
    const withoutImage = draft.replace(/^!\[.*\]\(.*\)\n\n/m, '');
    expect(withoutImage).toBe(command.stdout);
    expect(draft).toContain('- **Servers:** app-04, app-07.');
    expect(draft).toContain('All times are in UTC.');
  });
});

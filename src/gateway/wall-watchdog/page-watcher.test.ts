import { describe, expect, it } from 'vitest';
import { createPageWatcher, shouldWatch, type CdpMessage } from './page-watcher';

interface Sent {
  id: number;
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

/** A browser connection that only records what the watcher sends. */
function fakeBrowser() {
  const sent: Sent[] = [];
  const lines: string[] = [];
  const watcher = createPageWatcher(
    {
      send(method, params = {}, sessionId) {
        const id = sent.length + 1;
        sent.push({ id, method, params, ...(sessionId ? { sessionId } : {}) });
        return id;
      },
    },
    (line) => lines.push(line),
  );
  const deliver = (...messages: CdpMessage[]) => messages.forEach((m) => watcher.handle(m));
  return { watcher, sent, lines, deliver };
}

const page = { targetId: 'T1', type: 'page', url: 'http://wall:8080/?kiosk' };
const created = (info: object): CdpMessage => ({
  method: 'Target.targetCreated',
  params: { targetInfo: info },
});
const attached = (sessionId: string, info: object): CdpMessage => ({
  method: 'Target.attachedToTarget',
  params: { sessionId, targetInfo: info, waitingForDebugger: false },
});

describe('shouldWatch', () => {
  it.each([
    ['page', true],
    ['service_worker', false],
    ['iframe', false],
    ['browser', false],
    ['other', false],
  ])('a %s target: %s', (type, expected) => {
    expect(shouldWatch({ type })).toBe(expected);
  });
});

describe('the page watcher', () => {
  it('asks to hear of every target when it starts', () => {
    const { watcher, sent } = fakeBrowser();
    watcher.start();
    expect(sent.map((s) => s.method)).toEqual(['Target.setDiscoverTargets']);
    expect(sent[0]!.params).toEqual({ discover: true });
  });

  it('attaches to each page once, flat, and not to other targets', () => {
    const { sent, deliver } = fakeBrowser();
    deliver(
      created(page),
      created({ targetId: 'W', type: 'service_worker', url: 'http://wall:8080/sw.js' }),
      { method: 'Target.targetInfoChanged', params: { targetInfo: page } },
    );
    expect(sent).toEqual([
      { id: 1, method: 'Target.attachToTarget', params: { targetId: 'T1', flatten: true } },
    ]);
  });

  it('listens for crashes on an attached page', () => {
    const { sent, lines, deliver } = fakeBrowser();
    deliver(created(page), attached('S1', page));
    expect(sent[1]).toEqual({ id: 2, method: 'Inspector.enable', params: {}, sessionId: 'S1' });
    expect(lines).toEqual(['watching page http://wall:8080/?kiosk']);
  });

  it('reloads a crashed page and says so, once for the crash and once for the reload', () => {
    const { sent, lines, deliver } = fakeBrowser();
    deliver(created(page), attached('S1', page), {
      method: 'Inspector.targetCrashed',
      params: {},
      sessionId: 'S1',
    });
    const reload = sent.at(-1)!;
    expect(reload).toMatchObject({ method: 'Page.reload', sessionId: 'S1' });
    deliver({ id: reload.id, result: {} } as CdpMessage);
    expect(lines.slice(1)).toEqual([
      'page http://wall:8080/?kiosk crashed; reloading it',
      'page http://wall:8080/?kiosk reloaded',
    ]);
  });

  it('names the page by its latest URL', () => {
    const { sent, lines, deliver } = fakeBrowser();
    const moved = { ...page, url: 'http://wall:8080/?kiosk&pool=web' };
    deliver(created(page), attached('S1', page), {
      method: 'Target.targetInfoChanged',
      params: { targetInfo: moved },
    });
    deliver({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'S1' });
    expect(lines.at(-1)).toBe('page http://wall:8080/?kiosk&pool=web crashed; reloading it');
    expect(sent.filter((s) => s.method === 'Target.attachToTarget')).toHaveLength(1);
  });

  it('says when a reload failed', () => {
    const { sent, lines, deliver } = fakeBrowser();
    deliver(created(page), attached('S1', page), {
      method: 'Inspector.targetCrashed',
      params: {},
      sessionId: 'S1',
    });
    deliver({ id: sent.at(-1)!.id, error: { message: 'Not attached to an active page' } });
    expect(lines.at(-1)).toBe(
      'page http://wall:8080/?kiosk could not be reloaded: Not attached to an active page',
    );
  });

  it('ignores a crash on a session it did not open, and answers to other commands', () => {
    const { sent, lines, deliver } = fakeBrowser();
    deliver(created(page), attached('S1', page), {
      id: 1,
      result: { sessionId: 'S1' },
    } as CdpMessage);
    deliver({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'other' });
    expect(sent.map((s) => s.method)).toEqual(['Target.attachToTarget', 'Inspector.enable']);
    expect(lines).toHaveLength(1);
  });

  it('attaches again to a page it was detached from, and forgets a closed one', () => {
    const { sent, deliver } = fakeBrowser();
    deliver(created(page), attached('S1', page), {
      method: 'Target.detachedFromTarget',
      params: { sessionId: 'S1', targetId: 'T1' },
    });
    deliver({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'S1' });
    deliver({ method: 'Target.targetInfoChanged', params: { targetInfo: page } });
    deliver({ method: 'Target.targetDestroyed', params: { targetId: 'T1' } });
    expect(sent.map((s) => s.method)).toEqual([
      'Target.attachToTarget',
      'Inspector.enable',
      'Target.attachToTarget',
    ]);
  });

  it('follows pages opened later', () => {
    const { sent, deliver } = fakeBrowser();
    deliver(created(page), created({ ...page, targetId: 'T2' }));
    expect(sent.map((s) => s.params.targetId)).toEqual(['T1', 'T2']);
  });

  it('ignores malformed events', () => {
    const { sent, deliver } = fakeBrowser();
    deliver(
      { method: 'Target.targetCreated', params: {} },
      { method: 'Target.targetCreated', params: { targetInfo: { type: 'page' } } },
      { method: 'Target.attachedToTarget', params: { targetInfo: page } },
      { method: 'Inspector.targetCrashed' },
    );
    expect(sent).toEqual([]);
  });
});

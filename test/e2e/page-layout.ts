import type { Page } from 'playwright-core';

/** Where an element sits on the screen, in CSS px. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One alert as a person sees it. */
export interface SeenAlert {
  rule: string;
  servers: string[];
  cause: string;
  message: string;
  fontPx: number;
  /** on the screen, whole: not invisible, not clipped by the banner, inside the viewport */
  visible: boolean;
  /** why its message is cut, or '' when it is whole */
  cut: string;
  box: Box;
}

/** What the page looks like now: the boxes and figures the layout tests judge. */
export interface PageLayout {
  viewport: { width: number; height: number };
  page: { width: number; height: number; scrollX: number };
  boxes: Record<'header' | 'heatmap' | 'shareBars' | 'timeline' | 'connection', Box | null>;
  alerts: SeenAlert[];
  /** the "+N more" line: its N, or 0 when there is none */
  moreCount: number;
  moreVisible: boolean;
  heatmap: {
    /** rows drawn: a server's or a folded pool's band */
    rows: number;
    /** the bands among them */
    bands: number;
    /** servers in the fleet, folded or not */
    servers: number;
    /** rows that keep a legible height in the heatmap's box, as the page works it out */
    rowsThatFit: number;
    rowPx: number;
    labelFontPx: number;
    /** below the rows and the time axis, up to the box's bottom: room left unused */
    unusedPx: number;
    scrollWidth: number;
    clientWidth: number;
    scrollLeft: number;
    firstLabelLeft: number;
    canvasLeft: number;
  };
  /** the thinnest share bar drawn */
  barPx: number;
  timeline: {
    count: number;
    /** 1-based numbers of the first and last events shown */
    first: number;
    last: number;
    /** every event shown lies whole inside the list's box */
    whole: boolean;
  };
}

/** Reads the page's layout in one go, in the page. */
export function readLayout(page: Page): Promise<PageLayout> {
  return page.evaluate(() => {
    const boxOf = (el: Element | null): Box | null => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const one = (selector: string) => document.querySelector(selector);
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const onScreen = (b: Box) =>
      b.left >= 0 && b.top >= 0 && b.right <= vw + 0.5 && b.bottom <= vh + 0.5;

    const alerts = [...document.querySelectorAll<HTMLElement>('[data-testid=alert]')].map((li) => {
      const message = li.querySelector<HTMLElement>('.alert-message')!;
      const style = getComputedStyle(message);
      const box = boxOf(li)!;
      const list = boxOf(li.parentElement)!;
      const visible =
        getComputedStyle(li).visibility === 'visible' &&
        box.bottom <= list.bottom + 0.5 &&
        onScreen(box);
      const cut =
        message.scrollWidth > message.clientWidth + 1
          ? style.textOverflow === 'ellipsis'
            ? 'ends in …'
            : `${message.scrollWidth} px of text in ${message.clientWidth}`
          : message.scrollHeight > message.clientHeight + 1
            ? `${message.scrollHeight} px of lines in ${message.clientHeight}`
            : '';
      return {
        rule: li.dataset.rule ?? '',
        servers: (li.dataset.servers ?? '').split(',').filter(Boolean),
        cause: li.dataset.cause ?? '',
        message: message.innerText,
        fontPx: parseFloat(style.fontSize),
        visible,
        cut,
        box,
      };
    });

    const more = one('[data-testid=alert-more]');
    const heatmap = one('[data-testid=heatmap]') as HTMLElement;
    const canvas = heatmap.querySelector('canvas')!;
    const plot = canvas.parentElement!;
    const label = heatmap.querySelector<HTMLElement>('[data-testid=heatmap-row]');
    const bands = heatmap.querySelectorAll('[data-testid=heatmap-band]').length;
    const rows = heatmap.querySelectorAll('[data-testid=heatmap-row]').length + bands;
    const bars = [...document.querySelectorAll('[data-testid=share-bars] .recharts-bar-rectangle')]
      .map((b) => b.getBoundingClientRect().height)
      .filter((h) => h > 0);

    const strip = one('[data-testid=timeline]');
    const shown = strip ? [...strip.querySelectorAll('[data-testid=timeline-event]')] : [];
    const stripBox = boxOf(strip);
    const first = Number(strip?.querySelector('ol')?.getAttribute('start') ?? 1);

    return {
      viewport: { width: vw, height: vh },
      page: {
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
        scrollX: window.scrollX,
      },
      boxes: {
        header: boxOf(one('.app-header')),
        heatmap: boxOf(heatmap),
        shareBars: boxOf(one('[data-testid=share-bars]')),
        timeline: stripBox,
        connection: boxOf(one('[data-testid=connection]')),
      },
      alerts,
      moreCount: Number(more?.getAttribute('data-count') ?? 0),
      moreVisible: more !== null && onScreen(boxOf(more)!),
      heatmap: {
        rows,
        bands,
        servers: Number(heatmap.dataset.servers),
        rowsThatFit: Number(heatmap.dataset.rowsThatFit),
        rowPx: rows > 0 ? canvas.getBoundingClientRect().height / rows : 0,
        labelFontPx: label ? parseFloat(getComputedStyle(label).fontSize) : 0,
        unusedPx: heatmap.getBoundingClientRect().bottom - plot.getBoundingClientRect().bottom,
        scrollWidth: heatmap.scrollWidth,
        clientWidth: heatmap.clientWidth,
        scrollLeft: heatmap.scrollLeft,
        firstLabelLeft: label?.getBoundingClientRect().left ?? 0,
        canvasLeft: canvas.getBoundingClientRect().left,
      },
      barPx: bars.length > 0 ? Math.min(...bars) : 0,
      timeline: {
        count: Number(strip?.getAttribute('data-count') ?? 0),
        first,
        last: first + shown.length - 1,
        whole:
          stripBox !== null &&
          shown.every((row) => {
            const b = row.getBoundingClientRect();
            return b.top >= stripBox.top - 0.5 && b.bottom <= stripBox.bottom + 0.5;
          }),
      },
    };
  });
}

/** Which of `boxes` reach outside a `width` x `height` screen, named. */
export function outside(
  boxes: Record<string, Box | null>,
  width: number,
  height: number,
): string[] {
  return Object.entries(boxes).flatMap(([name, b]) => {
    if (b === null) return [`no ${name}`];
    const off = b.left < 0 || b.top < 0 || b.right > width + 0.5 || b.bottom > height + 0.5;
    const at = [b.left, b.top, b.right, b.bottom].map(Math.round).join(',');
    return off ? [`${name} at ${at} is outside ${width}x${height}`] : [];
  });
}

import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canvasSize, classifyPdfFailure, fitScale, MAX_ZOOM, MIN_ZOOM, type PdfFailure, stepZoom } from './pdf-layout';

type PageSize = { width: number; height: number };
type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; failure: PdfFailure }
  | { kind: 'ready'; doc: PDFDocumentProxy; pages: PageSize[] };

const FAILURE_KEY: Record<PdfFailure, string> = {
  damaged: 'files.pdfDamaged',
  password: 'files.pdfPassword',
  'viewer-unavailable': 'files.pdfViewerUnavailable',
};

/** Loads pdf.js on first use; a failure to fetch its code is told apart from a file it cannot read. */
async function loadPdfModule() {
  try {
    return await import('./pdf-document');
  } catch (error) {
    throw Object.assign(new Error(String(error)), { name: 'ViewerLoadError' });
  }
}

/** Keeps track of an element's inner width (CSS pixels), for "fit to width". */
function useWidth(element: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/**
 * A PDF drawn by pdf.js, page under page on canvases in a scrolling box, fitted to its width with zoom steps.
 * Chromium's own PDF viewer is not used: it is a plugin, and plugins stay off in the app (docs/architecture.md, security baseline).
 */
export function PdfViewer({ blob, name }: { blob: Blob; name: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [zoom, setZoom] = useState(1);
  const [box, setBox] = useState<HTMLElement | null>(null);
  const width = useWidth(box);

  useEffect(() => {
    let isCancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    setLoaded({ kind: 'loading' });
    void (async () => {
      try {
        const { openPdf } = await loadPdfModule();
        const bytes = new Uint8Array(await blob.arrayBuffer());
        if (isCancelled) return;
        const task = openPdf(bytes);
        destroy = task.destroy;
        const doc = await task.promise;
        const pages: PageSize[] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          const viewport = (await doc.getPage(n)).getViewport({ scale: 1 });
          pages.push({ width: viewport.width, height: viewport.height });
        }
        if (!isCancelled) setLoaded({ kind: 'ready', doc, pages });
      } catch (error) {
        if (!isCancelled) setLoaded({ kind: 'failed', failure: classifyPdfFailure(error) });
      }
    })();
    return () => {
      isCancelled = true;
      void destroy?.();
    };
  }, [blob]);

  if (loaded.kind === 'failed') {
    return (
      <p className="error" role="alert">
        {t(FAILURE_KEY[loaded.failure], { name })}
      </p>
    );
  }
  const count = loaded.kind === 'ready' ? loaded.pages.length : 0;
  return (
    <div className="pdf-viewer">
      <div className="pdf-toolbar" role="toolbar" aria-label={t('files.pdfToolbar')}>
        <span data-testid="pdf-page-count">
          {loaded.kind === 'ready' ? t('files.pdfPageCount', { count }) : t('files.pdfLoading')}
        </span>
        <button type="button" onClick={() => setZoom((z) => stepZoom(z, -1))} disabled={zoom <= MIN_ZOOM}>
          {t('files.pdfZoomOut')}
        </button>
        <span aria-live="polite">{Math.round(zoom * 100)} %</span>
        <button type="button" onClick={() => setZoom((z) => stepZoom(z, 1))} disabled={zoom >= MAX_ZOOM}>
          {t('files.pdfZoomIn')}
        </button>
        <button type="button" onClick={() => setZoom(1)} disabled={zoom === 1}>
          {t('files.pdfFitWidth')}
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling box takes focus so the keyboard can scroll it */}
      <section className="pdf-pages" ref={setBox} tabIndex={0} aria-label={t('files.pdfPages')}>
        {loaded.kind === 'ready' &&
          loaded.pages.map((size, i) => (
            <PdfPage
              // biome-ignore lint/suspicious/noArrayIndexKey: pages are fixed for a document and known by number
              key={i}
              doc={loaded.doc}
              pageNumber={i + 1}
              count={count}
              size={size}
              scroller={box}
              scale={fitScale(size.width, Math.max(0, width - 16), zoom)}
            />
          ))}
      </section>
    </div>
  );
}

type PageProps = {
  doc: PDFDocumentProxy;
  pageNumber: number;
  count: number;
  size: PageSize;
  scale: number;
  /** The scrolling box, against which "near the view" is measured. */
  scroller: HTMLElement | null;
};

/**
 * One page: its place is kept at full size at once; it is drawn when it scrolls near the view (again on zoom),
 * and its pixels are let go when it scrolls far away, so a 50-page scan does not hold 50 page bitmaps.
 */
function PdfPage({ doc, pageNumber, count, size, scale, scroller }: PageProps) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [isNearView, setNearView] = useState(false);
  const [hasFailed, setFailed] = useState(false);
  const cssWidth = Math.floor(size.width * scale);
  const cssHeight = Math.floor(size.height * scale);

  useEffect(() => {
    const element = holder.current;
    if (!element || !scroller) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) setNearView(entry.isIntersecting);
      },
      { root: scroller, rootMargin: '800px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);

  useEffect(() => {
    const target = canvas.current;
    if (!target || cssWidth < 1) return;
    if (!isNearView) {
      // Far from the view: a zero-size canvas holds no pixels; its box keeps the page's place.
      target.width = 0;
      target.height = 0;
      return;
    }
    let task: RenderTask | null = null;
    let isCancelled = false;
    void (async () => {
      try {
        const page = await doc.getPage(pageNumber);
        if (isCancelled) return;
        const pixels = canvasSize(cssWidth, cssHeight, window.devicePixelRatio);
        target.width = pixels.width;
        target.height = pixels.height;
        task = page.render({ canvas: target, viewport: page.getViewport({ scale: scale * pixels.ratio }) });
        await task.promise;
        setFailed(false);
      } catch (error) {
        // A render cancelled by a newer zoom or by closing the viewer is not a failure.
        if (!isCancelled && (error as { name?: string }).name !== 'RenderingCancelledException') setFailed(true);
      }
    })();
    return () => {
      isCancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber, scale, cssWidth, cssHeight, isNearView]);

  const label = t('files.pdfPage', { page: pageNumber, count });
  return (
    <div className="pdf-page" ref={holder} style={{ width: cssWidth || undefined, height: cssHeight || undefined }}>
      {hasFailed ? (
        <p className="error" role="alert">
          {t('files.pdfPageFailed', { page: pageNumber })}
        </p>
      ) : (
        // A new canvas per scale: pdf.js refuses a second render into a canvas whose first is still being cancelled.
        <canvas key={scale} ref={canvas} role="img" aria-label={label} style={{ width: cssWidth, height: cssHeight }} />
      )}
    </div>
  );
}

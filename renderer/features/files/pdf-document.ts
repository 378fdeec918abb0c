/**
 * pdf.js behind one function. Imported only with `import()` from PdfViewer, so pdf.js (~0.5 MB) and its worker
 * (~1.3 MB) load the first time a PDF is opened and never weigh on the register's start.
 *
 * Hardening: the worker is a same-origin file of our own bundle (CSP `worker-src 'self'`); pdf.js 6 has no
 * `eval`/`new Function` path left (its `isEvalSupported` option was removed upstream), and WebAssembly is turned
 * off (`useWasm: false`) because compiling it would need `'wasm-unsafe-eval'` in the CSP: JBIG2 and JPEG 2000
 * scans are decoded by pdf.js's plain-JavaScript fallbacks instead, which vite.config.ts copies to `pdfjs/`.
 */
// The legacy build: the modern one calls built-ins newer than the Chrome 120 the renderer targets (e.g.
// Map.prototype.getOrInsertComputed, Math.sumPrecise); the legacy one carries polyfills (+60 kB each file).
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Opens a PDF from its bytes (a copy is handed to the worker; the caller's array stays usable). */
export function openPdf(bytes: Uint8Array): { promise: Promise<PDFDocumentProxy>; destroy: () => Promise<void> } {
  const task = getDocument({
    data: bytes.slice(),
    useWasm: false,
    // Absolute: the worker resolves it, and the worker's own URL is under assets/.
    wasmUrl: new URL('pdfjs/', document.baseURI).href,
    // Nothing on the page is clickable or fillable here: no forms, no scripts, no links to follow.
    enableXfa: false,
    stopAtErrors: false,
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}

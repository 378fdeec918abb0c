import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Gate } from '../features/lock/Gate';
import { initI18n } from '../i18n/i18n';
import { platform } from '../platform/platform';
import { guardConsole } from './console-guard';
import './styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  await initI18n();
  // The lock screen (or the first operator's) comes first; the register opens only after a sign-in.
  root.render(
    <StrictMode>
      <Gate />
    </StrictMode>,
  );
}

/** Browser mode keeps the app shell offline through a service worker; Electron loads local files and needs none. */
function registerServiceWorker(): void {
  if (platform.kind !== 'browser' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    // Without it the app still works; only a reload with no network would fail.
    console.warn('service worker not registered', error);
  });
}

// Development keeps whole errors to debug with test data; a built app never shows a record in its console.
// Uncaught errors are left to the browser: Chromium prints them itself, and the end-to-end tests watch for them.
if (!import.meta.env.DEV) guardConsole();
registerServiceWorker();
void start();

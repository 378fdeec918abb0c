import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { PrintDoc } from '../../app/route';
import { navigate } from '../../app/use-route';
import { useToday } from '../../app/use-today';
import { type PrintResult, platform } from '../../platform/platform';
import { useAppeal } from '../appeal/use-appeal';
import { AnswerDoc } from './AnswerDoc';
import { printFileName } from './print-text';
import { ReceiptDoc } from './ReceiptDoc';
import { RegistrationCardDoc } from './RegistrationCardDoc';
import './print.css';

/**
 * One paper of one appeal, alone on the page (no header or status bar), with a toolbar that is not printed. The
 * toolbar speaks the UI language; the paper is always Ukrainian.
 */
export function PrintScreen({ doc, id }: { doc: PrintDoc; id: string }) {
  const { t } = useTranslation();
  const { profile } = useApp();
  const today = useToday();
  const loaded = useAppeal(id);
  const [message, setMessage] = useState('');
  const [isBusy, setBusy] = useState(false);
  const fileName = loaded ? printFileName(loaded.appeal.regIndex, doc) : '';

  // The browser's "Save as PDF" names the file after the page title.
  useEffect(() => {
    if (!fileName) return;
    const before = document.title;
    document.title = fileName;
    return () => {
      document.title = before;
    };
  }, [fileName]);

  if (loaded === undefined) return <p className="print-loading">{t('card.loading')}</p>;
  if (loaded === null) return <p className="print-loading">{t('card.notFound')}</p>;

  const hasPaper = doc !== 'answer' || loaded.state.answer !== null;
  const props = { ...loaded, profile, today };

  const run = async (action: () => Promise<PrintResult>) => {
    setBusy(true);
    setMessage('');
    try {
      const result = await action();
      if (result.outcome === 'saved') setMessage(t('print.toolbar.saved', { path: result.filePath }));
      else if (result.outcome === 'failed') setMessage(t('print.toolbar.failed', { reason: result.reason }));
    } finally {
      setBusy(false);
    }
  };
  const back = () => {
    if (window.history.length > 1) window.history.back();
    else navigate({ name: 'appeal', id });
  };

  return (
    <div className="print-screen">
      <section className="print-toolbar" aria-label={t('print.toolbar.label')}>
        <div className="print-buttons">
          <button type="button" onClick={back}>
            {t('print.toolbar.back')}
          </button>
          {hasPaper && (
            <>
              <button type="button" className="primary" disabled={isBusy} onClick={() => void run(() => platform.printPage())}>
                {t('print.toolbar.print')}
              </button>
              <button type="button" disabled={isBusy} onClick={() => void run(() => platform.savePdf(fileName))}>
                {t('print.toolbar.savePdf')}
              </button>
            </>
          )}
        </div>
        <p className="print-hint">{platform.canSavePdf ? t('print.toolbar.desktopHint') : t('print.toolbar.browserHint')}</p>
        <p role="status" className="print-message">
          {message}
        </p>
      </section>
      <div className="print-sheet">
        {doc === 'card' && <RegistrationCardDoc {...props} />}
        {doc === 'receipt' && <ReceiptDoc {...props} />}
        {doc === 'answer' && hasPaper && <AnswerDoc {...props} />}
        {!hasPaper && <p className="print-loading">{t('print.toolbar.noAnswer')}</p>}
      </div>
    </div>
  );
}

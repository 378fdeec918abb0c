import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appeal } from '../../../shared/domain/appeal/appeal.types';
import { formatSize } from '../../../shared/domain/files/chunks';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { useApp } from '../../app/app-context';
import type { FileListItem } from '../../data/records';
import type { UploadProgress } from '../../data/sync/upload-queue';
import { useSyncStatus } from '../sync/use-sync-status';
import { FilePicker } from './FilePicker';
import { FileViewer } from './FileViewer';
import { useFilePicker } from './use-file-picker';
import { useFiles } from './use-files';

/** Where a file's bytes are, in words: here and waiting, uploading n%, refused, on the server, or both. */
function stateKey(file: FileListItem, uploads: UploadProgress): { key: string; percent?: number } {
  if (file.isRejected) return { key: 'files.stateRejected' };
  if (file.isWaiting) {
    const current = uploads.current;
    if (current?.fileId === file.id)
      return { key: 'files.stateUploading', percent: Math.floor((100 * current.bytesSent) / current.size) };
    return { key: 'files.stateWaiting' };
  }
  return { key: file.hasBytes ? 'files.stateBoth' : 'files.stateServer' };
}

/** The files of an appeal on its card: listed with where they are, opened on demand, and more added later. */
export function FilesSection({ appeal, canAdd }: { appeal: Appeal; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const { records, sync } = useApp();
  const status = useSyncStatus(sync);
  const files = useFiles(appeal.id);
  const picker = useFilePicker();
  const [opened, setOpened] = useState<{ file: AttachedFile; blob: Blob } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'uk';

  const open = async (file: FileListItem) => {
    setBusy(file.id);
    setMessage(null);
    try {
      const result = await records.openFile(file);
      if (result.ok) setOpened({ file, blob: result.blob });
      else setMessage(result.message[lang]);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    const result = await records.attachFiles(appeal, picker.chosen);
    if (result.ok) picker.clear();
    else setMessage(result.problems.map((p) => p.message[lang]).join('; '));
  };

  return (
    <section aria-labelledby="card-files" className="files">
      <h2 id="card-files">{t('files.title')}</h2>
      {files === undefined ? (
        <p>{t('files.loading')}</p>
      ) : files.length === 0 ? (
        <p className="hint">{t('files.none')}</p>
      ) : (
        <ul className="file-list">
          {files.map((f) => {
            const state = stateKey(f, status.uploads);
            return (
              <li key={f.id}>
                <span className="file-name">{f.name}</span> <span className="hint">{formatSize(f.size, lang)}</span>{' '}
                <span className="file-state" data-testid="file-state">
                  {t(state.key, { percent: state.percent })}
                </span>{' '}
                <button type="button" onClick={() => void open(f)} disabled={busy !== null}>
                  {busy === f.id ? t('files.opening') : t('files.open', { name: f.name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {opened && <FileViewer file={opened.file} blob={opened.blob} onClose={() => setOpened(null)} />}
      {canAdd && (
        <>
          <FilePicker picker={picker} />
          {picker.chosen.length > 0 && (
            <button type="button" onClick={() => void save()}>
              {t('files.store', { count: picker.chosen.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

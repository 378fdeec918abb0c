import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { PdfViewer } from './PdfViewer';

/** Shows an opened file: an image from a blob: URL, a PDF drawn by pdf.js; a link saves it to disk either way. */
export function FileViewer({ file, blob, onClose }: { file: AttachedFile; blob: Blob; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  if (!url) return null;
  const isPdf = file.mime === 'application/pdf';
  return (
    <figure className="file-viewer" aria-label={t('files.viewer', { name: file.name })}>
      {isPdf ? <PdfViewer blob={blob} name={file.name} /> : <img src={url} alt={file.name} />}
      <figcaption>
        {file.name} ·{' '}
        <a href={url} download={file.name}>
          {t('files.download')}
        </a>{' '}
        <button type="button" onClick={onClose}>
          {t('files.close')}
        </button>
      </figcaption>
    </figure>
  );
}

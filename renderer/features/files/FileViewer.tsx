import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachedFile } from '../../../shared/domain/files/file.types';

/** Shows an opened file from a blob: URL: images as an image, PDFs in a frame, with a link to save it either way. */
export function FileViewer({ file, blob, onClose }: { file: AttachedFile; blob: Blob; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  if (!url) return null;
  return (
    <figure className="file-viewer" aria-label={t('files.viewer', { name: file.name })}>
      {file.mime === 'application/pdf' ? <iframe src={url} title={file.name} /> : <img src={url} alt={file.name} />}
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

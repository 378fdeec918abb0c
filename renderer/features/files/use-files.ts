import { useEffect, useState } from 'react';
import { useApp } from '../../app/app-context';
import type { FileListItem } from '../../data/records';

/** The files of an appeal, live (undefined while loading). */
export function useFiles(appealId: string): FileListItem[] | undefined {
  const { records } = useApp();
  const [files, setFiles] = useState<FileListItem[] | undefined>(undefined);
  useEffect(() => records.observeFilesOf(appealId, setFiles), [records, appealId]);
  return files;
}

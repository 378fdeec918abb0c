import { useEffect, useState } from 'react';
import { useApp } from '../../app/app-context';
import { type FileListItem, observeFilesOf } from '../../data/files.repository';

/** The files of an appeal, live (undefined while loading). */
export function useFiles(appealId: string): FileListItem[] | undefined {
  const { db } = useApp();
  const [files, setFiles] = useState<FileListItem[] | undefined>(undefined);
  useEffect(() => observeFilesOf(db, appealId, setFiles), [db, appealId]);
  return files;
}

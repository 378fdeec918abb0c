import { useState } from 'react';
import type { Problem } from '../../../shared/domain/problem';
import { downscaleImage } from '../../data/files/downscale';
import { type PreparedFile, prepareFile } from '../../data/files/prepare-file';

/** Files chosen in a form: each checked (and downscaled) as it is chosen; refused ones are listed with the reason. */
export function useFilePicker() {
  const [chosen, setChosen] = useState<PreparedFile[]>([]);
  const [refused, setRefused] = useState<Problem[]>([]);
  const [isPreparing, setPreparing] = useState(false);

  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setPreparing(true);
    try {
      const results = await Promise.all([...list].map((file) => prepareFile(file, downscaleImage)));
      setChosen((now) => [...now, ...results.flatMap((r) => (r.ok ? [r.file] : []))]);
      setRefused(results.flatMap((r) => (r.ok ? [] : r.problems)));
    } finally {
      setPreparing(false);
    }
  };
  const remove = (index: number) => setChosen((now) => now.filter((_, i) => i !== index));
  const clear = () => {
    setChosen([]);
    setRefused([]);
  };
  return { chosen, refused, isPreparing, add, remove, clear };
}

export type FilePickerState = ReturnType<typeof useFilePicker>;

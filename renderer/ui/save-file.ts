/**
 * Hands bytes to the user as a file: a Blob behind an `<a download>`. In a browser that is the normal download; in
 * Electron the default handling of a download with no `will-download` listener is a native "Save as" dialog, which is
 * what a starosta needs to pick the USB stick, so main needs no change (and stays free of file-system IPC).
 */
export function saveFile(fileName: string, data: Uint8Array | string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; a minute is ample for the browser to begin it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

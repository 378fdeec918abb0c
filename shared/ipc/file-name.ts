/**
 * File names the app suggests in a save dialog. The name comes from the renderer (untrusted) and reaches the OS, so it is
 * cut down to one harmless file name that is valid on Windows, macOS and Linux alike: no folders, no characters Windows
 * forbids, no device names, no hidden-file dot, a bounded length, and the expected extension.
 */

// Path separators, the characters Windows forbids in names, Unicode control and format characters (a right-to-left
// override can make `fdp.exe` look like `exe.pdf`), lone surrogates (not encodable on disk), and whitespace (an
// underscore reads the same and survives every shell and mail client).
const UNSAFE = /[/\\<>:"|?*\p{Cc}\p{Cf}\p{Cs}\s]+/gu;
// CON, PRN, AUX, NUL, COM1–9 and LPT1–9 name devices on Windows whatever their extension (`CON.pdf` too).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Longest stem kept, in characters (Windows allows 255 UTF-16 units per name; a long village code stays readable). */
export const FILE_STEM_MAX = 120;

/**
 * A safe file name ending in `.<extension>` from any suggestion: `HLYBOKE.1-Б-17-receipt` → `HLYBOKE.1-Б-17-receipt.pdf`,
 * `../../etc/passwd` → `etc_passwd.pdf`, `CON` → `_CON.pdf`. Letters of any script (the index's Cyrillic letter) are kept.
 */
export function safeFileName(suggestion: string, extension = 'pdf'): string {
  const ext = `.${extension.toLowerCase()}`;
  let stem = suggestion.replace(UNSAFE, '_');
  if (stem.toLowerCase().endsWith(ext)) stem = stem.slice(0, -ext.length);
  // Leading dots hide a file on Linux and macOS; leading/trailing dots and underscores left by cut-off folders add noise,
  // and Windows drops trailing dots silently.
  stem = stem.replace(/^[._]+/, '').replace(/[._]+$/, '');
  stem = Array.from(stem)
    .slice(0, FILE_STEM_MAX)
    .join('')
    .replace(/[._]+$/, '');
  if (stem === '') stem = 'document';
  if (WINDOWS_DEVICE.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  return `${stem}${ext}`;
}

import { MAX_IMAGE_SIDE } from '../../../shared/domain/files/file.types';
import type { Downscale } from './prepare-file';

const JPEG_QUALITY = 0.85;

/**
 * Scales a photo or scan down so that its longer side is at most MAX_IMAGE_SIDE px, in the browser (createImageBitmap
 * and OffscreenCanvas); JPEG stays JPEG (quality 0.85), PNG stays PNG. Keeps the original when it is small enough
 * already or when the scaled copy is not smaller.
 */
export const downscaleImage: Downscale = async (bytes, mime) => {
  if (typeof createImageBitmap === 'undefined' || typeof OffscreenCanvas === 'undefined') return bytes;
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  try {
    const longer = Math.max(bitmap.width, bitmap.height);
    if (longer <= MAX_IMAGE_SIDE) return bytes;
    const scale = MAX_IMAGE_SIDE / longer;
    const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return bytes;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob(mime === 'image/jpeg' ? { type: mime, quality: JPEG_QUALITY } : { type: mime });
    const scaled = new Uint8Array(await blob.arrayBuffer());
    return scaled.byteLength < bytes.byteLength ? scaled : bytes;
  } finally {
    bitmap.close();
  }
};

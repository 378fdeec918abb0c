/** Real files for tests of attachments: a decodable PNG, minimal valid PDFs and a damaged one, made here so no binary is committed. */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An RGB PNG of a "scanned page": stripes and a gradient, stored without compression (level 0) as some scanners
 * do, so that a larger-than-needed image is also larger in bytes than its downscaled copy.
 */
export function samplePng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const ink = (Math.floor(y / 24) % 3 === 0 && x % 200 < 150) || x < 40;
      const i = row + 1 + x * 3;
      raw[i] = ink ? 30 : 250 - (x % 50);
      raw[i + 1] = ink ? 40 : 248;
      raw[i + 2] = ink ? 90 : 240 - (y % 40);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 0 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PDF with a line of text on each page (one page per argument) and a correct cross-reference table. */
export function samplePdf(text: string, ...moreTexts: string[]): Buffer {
  const texts = [text, ...moreTexts];
  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream for each text.
  const pageRef = (i: number) => `${4 + 2 * i} 0 R`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${texts.map((_, i) => pageRef(i)).join(' ')}] /Count ${texts.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  texts.forEach((line, i) => {
    const stream = `BT /F1 24 Tf 72 760 Td (${line}) Tj ET 0.2 0.3 0.6 rg 72 600 451 40 re f`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    );
  });
  return writePdf(objects);
}

/** Writes numbered objects (latin1 strings, binary allowed) as a PDF with a correct cross-reference table. */
function writePdf(objects: string[]): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// A 48×48 grey JPEG 2000 codestream (a dark frame and a diagonal band), made once with OpenJPEG's opj_compress.
const SCAN_J2K_BASE64 =
  '/0//UQApAAAAAAAwAAAAMAAAAAAAAAAAAAAAMAAAADAAAAAAAAAAAAABBwEB/1IADAAAAAEABQQEAAH/XAATQEBISFBISFBISFBISFBISFD/ZAAlAAFDcmVhdGVkIGJ5IE9wZW5KUEVHIHZlcnNpb24gMi41LjD/kAAKAAAAAAAqAAH/k84MBsZJkfYBAAmjzDnB3QwJk04H4H0aufmAgID/2Q==';

/**
 * A one-page "scan": no text, only a JPEG 2000 image (/JPXDecode, as many scanners write), which pdf.js decodes
 * with its OpenJPEG module; without that module the page stays white.
 */
export function sampleScanPdf(): Buffer {
  const image = Buffer.from(SCAN_J2K_BASE64, 'base64').toString('latin1');
  const draw = 'q 451 0 0 451 72 300 cm /Im1 Do Q';
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
    `<< /Type /XObject /Subtype /Image /Width 48 /Height 48 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /JPXDecode /Length ${image.length} >>\nstream\n${image}\nendstream`,
  ]);
}

/**
 * A file the upload checks accept as a PDF (the `%PDF-` header, `%%EOF` at the end) whose body is not PDF at
 * all, as a scan cut short and patched by hand might be: pdf.js cannot read it.
 */
export function damagedPdf(): Buffer {
  return Buffer.from(`%PDF-1.7\n${'garbled scan data '.repeat(40)}\n%%EOF\n`, 'latin1');
}

/** Lowercase hex SHA-256. */
export function sha256(bytes: Buffer | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

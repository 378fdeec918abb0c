/**
 * Reading files of format version 1, which older app versions wrote and people still keep on USB sticks:
 *
 *   gzip( JSON(header) "\n" JSON(body) )
 *
 * with the body's byte length and unkeyed SHA-256 in the header. Nothing protects them: anyone can read them, and
 * anyone can edit one and fix the checksum. They are still accepted (a PC must be restorable from the only copy
 * there is), flagged as unencrypted so the screen says so; the app no longer writes them.
 */
import type { Problem } from '../domain/problem';
import { err, ok, type Result } from '../lib/result';
import { readBody } from './body-reader';
import { commonHeader, hasHeaderFields, isObject, newerProblem } from './file-checks';
import type { FileApp, TransferCodec } from './file-types';
import type { OpenedFile } from './format';
import { TRANSFER_PROBLEMS } from './problems';

const FORMAT = 'open-village-transfer';

/** True when the bytes start like a gzip stream (1f 8b): the only way a version 1 file starts. */
export const isV1 = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Opens a version 1 file, checking its checksum (over the whole body, so the body is decompressed whole: these files
 * come from before encryption and hold small villages), or says why not. The body is then read page by page.
 */
export async function openV1(bytes: Uint8Array, app: FileApp, codec: TransferCodec): Promise<Result<OpenedFile, Problem>> {
  let plain: Uint8Array;
  try {
    plain = await codec.gunzip(bytes);
  } catch {
    // A cut or corrupted gzip stream (its CRC and length trailer do not match): the file is damaged.
    return err(TRANSFER_PROBLEMS.damaged());
  }
  const newline = plain.indexOf(0x0a);
  if (newline < 0) return err(TRANSFER_PROBLEMS.notOurs());
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain.subarray(0, newline)));
  } catch {
    return err(TRANSFER_PROBLEMS.notOurs());
  }
  if (!isObject(header) || header.format !== FORMAT) return err(TRANSFER_PROBLEMS.notOurs());
  // A gzip file that says it is of a later layout: only a newer app (or a hand) made it.
  if (typeof header.formatVersion === 'number' && header.formatVersion > 1)
    return err(TRANSFER_PROBLEMS.newer(String(header.appVersion)));
  if (!hasHeaderFields(header) || typeof header.bodyBytes !== 'number' || typeof header.bodySha256 !== 'string')
    return err(TRANSFER_PROBLEMS.notOurs());
  const newer = newerProblem(header, app);
  if (newer) return err(newer);
  const bodyBytes = plain.subarray(newline + 1);
  if (bodyBytes.length !== header.bodyBytes || (await codec.sha256Hex(bodyBytes)) !== header.bodySha256)
    return err(TRANSFER_PROBLEMS.damaged());
  const counts = Object.fromEntries(Object.entries(header.collections).map(([n, c]) => [n, c.count]));
  async function* whole() {
    yield bodyBytes;
  }
  return ok({
    header: commonHeader(header),
    isEncrypted: false,
    readBody: (visitor, pageSize) => readBody(whole(), counts, visitor, pageSize),
  });
}

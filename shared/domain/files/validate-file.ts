import { FILE_SCHEMA } from '../../schema/file.schema';
import { FILE_MIMES } from './file.types';

/** Structural problems of a file's metadata as it arrives from the server (field: reason), or none. */
export function fileMetaProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const props = FILE_SCHEMA.properties as Record<
    string,
    { type: string; maxLength?: number; minimum?: number; maximum?: number }
  >;
  for (const field of FILE_SCHEMA.required) {
    const value = doc[field];
    const rule = props[field];
    if (value === undefined) problems.push(`${field}: required`);
    else if (
      rule?.type === 'string' &&
      (typeof value !== 'string' || (rule.maxLength !== undefined && value.length > rule.maxLength))
    )
      problems.push(`${field}: string`);
    else if (
      rule?.type === 'integer' &&
      (!Number.isInteger(value) ||
        (rule.minimum !== undefined && (value as number) < rule.minimum) ||
        (rule.maximum !== undefined && (value as number) > rule.maximum))
    )
      problems.push(`${field}: integer`);
  }
  if (!(FILE_MIMES as readonly unknown[]).includes(doc.mime)) problems.push('mime: JPEG, PNG or PDF');
  if (typeof doc.sha256 === 'string' && !/^[0-9a-f]{64}$/.test(doc.sha256)) problems.push('sha256: 64 hex digits');
  return problems;
}

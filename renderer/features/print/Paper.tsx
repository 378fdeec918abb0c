import type { ReactNode } from 'react';

/** One sheet: the issuing office on top, then the document. Screen and print share it; print.css lays out A4. */
export function Paper({
  office,
  label,
  kind,
  children,
}: {
  office: string;
  label: string;
  kind: 'card' | 'receipt' | 'answer';
  children: ReactNode;
}) {
  return (
    <article className={`paper paper-${kind}`} aria-label={label}>
      <p className="paper-office">{office}</p>
      {children}
    </article>
  );
}

/** The document's title and the line under it. */
export function PaperTitle({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <header className="paper-title">
      <h1>{title}</h1>
      <p>{subtitle}</p>
    </header>
  );
}

/**
 * Label / value rows; an empty value prints as a dash so a blank field is visibly blank, not forgotten. Compact by
 * default (the card must fit one sheet); `roomy` for a short paper such as the receipt.
 */
export function PaperRows({
  rows,
  caption,
  roomy = false,
}: {
  rows: readonly (readonly [string, ReactNode])[];
  caption?: string;
  roomy?: boolean;
}) {
  return (
    <table className={roomy ? 'paper-rows roomy' : 'paper-rows'}>
      {caption && <caption>{caption}</caption>}
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value === '' || value === null || value === undefined ? '—' : value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A blank to fill in by hand, with what goes there in small letters under it. */
export function Blank({ caption, wide = false }: { caption: string; wide?: boolean }) {
  return (
    <span className={wide ? 'blank wide' : 'blank'}>
      <span className="blank-line">{wide ? '______________________________' : '____________________'}</span>
      <span className="blank-caption">({caption})</span>
    </span>
  );
}

/** A signature line: who signs, a blank for the signature and one for the date or the name. */
export function SignatureLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="paper-sign">
      <span className="sign-label">{label}:</span>
      {children}
    </div>
  );
}

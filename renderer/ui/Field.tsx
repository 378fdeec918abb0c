import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: ReactNode;
}

/**
 * A labelled form field with its inline error. The control inside must carry the same `id`; the error is linked
 * through aria-describedby by the caller-independent id `<id>-error`.
 */
export function Field({ id, label, error, hint, required, children }: Props) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children}
      {hint && !error && (
        <small className="hint" id={`${id}-hint`}>
          {hint}
        </small>
      )}
      {error && (
        <small className="error" id={`${id}-error`} role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/** Accessibility attributes that tie a control to its label, hint and error. */
export function controlProps(id: string, error: string | undefined, hasHint = false) {
  const describedBy = error ? `${id}-error` : hasHint ? `${id}-hint` : undefined;
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
}

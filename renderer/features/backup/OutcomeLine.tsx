import type { Outcome } from './outcome';

/** The result of the last action: a status line, or an alert for a refusal. */
export function OutcomeLine({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return outcome.isError ? (
    <p className="error" role="alert" data-testid="backup-outcome">
      {outcome.text}
    </p>
  ) : (
    <p className="notice" role="status" data-testid="backup-outcome">
      {outcome.text}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { ForgedRecord } from '../../data/records';
import { useForgedRecords } from './use-forged-records';

/** What the IT person runs on the server, for this PC's community when it knows its code. */
function commandsFor(community: string | undefined): string[] {
  const code = community ?? '…';
  return [`npm run admin -- status --community ${code}`, `npm run admin -- doctor --community ${code}`];
}

/** The forged records grouped by village (records that name none last), in the order the query gives. */
function byVillage(forged: readonly ForgedRecord[]): [string | null, ForgedRecord[]][] {
  const groups = new Map<string | null, ForgedRecord[]>();
  for (const r of forged) groups.set(r.villageId, [...(groups.get(r.villageId) ?? []), r]);
  return [...groups];
}

/**
 * Tamper evidence for the council: the write-once records with a second branch in the council's database on the
 * server, and the tamper alarms set aside on this PC, per village, with what that means and what to do.
 */
export function TamperSection() {
  const { t } = useTranslation();
  const { records, profile } = useApp();
  const { forged, error } = useForgedRecords(records);
  return (
    <section className="tamper" aria-labelledby="tamper-title" data-testid="tamper">
      <h2 id="tamper-title">{t('overview.tamper.title')}</h2>
      {error && <p className="error">{t('overview.tamper.unavailable')}</p>}
      {!error && forged === null && <p>{t('overview.tamper.loading')}</p>}
      {forged !== null && forged.length === 0 && <p className="quiet">{t('overview.tamper.none')}</p>}
      {forged !== null && forged.length > 0 && (
        <>
          <p className="error">{t('overview.tamper.explain')}</p>
          <p>{t('overview.tamper.whatToDo')}</p>
          <ul className="tamper-commands">
            {commandsFor(profile.communityCode).map((command) => (
              <li key={command}>
                <code>{command}</code>
              </li>
            ))}
          </ul>
          <table className="villages tamper-list">
            <thead>
              <tr>
                <th scope="col">{t('register.village')}</th>
                <th scope="col">{t('overview.tamper.record')}</th>
                <th scope="col">{t('overview.tamper.source')}</th>
              </tr>
            </thead>
            <tbody>
              {byVillage(forged).flatMap(([village, rows]) =>
                rows.map((r, i) => (
                  <tr key={`${r.source}|${r.id}`} data-testid="tamper-row">
                    {i === 0 && (
                      <th scope="row" rowSpan={rows.length}>
                        {village ?? t('overview.tamper.noVillage')}
                      </th>
                    )}
                    <td>
                      <code>{r.id}</code>
                    </td>
                    <td>{t(r.source === 'server' ? 'overview.tamper.fromServer' : 'overview.tamper.fromThisPc')}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

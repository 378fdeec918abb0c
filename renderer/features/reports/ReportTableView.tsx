import type { Language } from '../../../shared/lib/i18n-text';
import type { Report, ReportTable } from '../../../shared/reports/report.types';

/** One count table of the report as an accessible HTML table: a caption, column and row headers, the note below. */
export function ReportTableView({ report, table, lang }: { report: Report; table: ReportTable; lang: Language }) {
  const id = `report-${table.id}`;
  return (
    <section className="report-table" aria-labelledby={`${id}-title`}>
      <div className="report-table-scroll">
        <table data-testid={id}>
          <caption id={`${id}-title`}>{table.title[lang]}</caption>
          <thead>
            <tr>
              <th scope="col">{table.rowHeader[lang]}</th>
              {report.columns.map((c) => (
                <th key={c.key} scope="col" className={c.isTotal ? 'total' : undefined}>
                  {c.label[lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={`${row.kind}-${row.code}`} className={`row-${row.kind}`}>
                <th scope="row">{row.label[lang]}</th>
                {row.values.map((v, i) => (
                  <td key={report.columns[i]?.key ?? i} className={v === 0 ? 'zero' : undefined}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note && <p className="report-note">{table.note[lang]}</p>}
    </section>
  );
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { must } from '../api/client';
import { municipalityName, useMunicipalities } from '../api/queries';
import { useSession } from '../session/session';
import { dutchToday } from '../ui/dates';
import { Empty, Loading, ProblemMessage, QueryError, TableScroll } from '../ui/Field';
import { formatDate } from '../ui/format';
import { label, REASON_LABELS, ROLE_LABELS, TARGET_GROUP_LABELS } from '../ui/labels';
import { exactCount, ReportCell } from './ReportCell';
import { REPORT_TABLES, type ReportRow, type TableDefinition } from './reportTables';

const ACTION_LABELS: Record<string, string> = {
  reject: 'afgewezen',
  decline: 'geweigerd',
  cancel: 'ingetrokken',
  expire: 'verlopen',
};
const PARTY_LABELS: Record<string, string> = { ...ROLE_LABELS, system: 'systeem' };

/** How many calendar years back the year picker goes. */
const YEARS_BACK = 4;

/**
 * The policy information of a municipality: every table of the overview for one calendar year,
 * a bar chart where a table has a total, and each table as CSV. A gemeente sees its own
 * municipality (small numbers protected by the API); a matcher picks one of its municipalities.
 */
export function ReportOverviewPage() {
  const { api, me } = useSession();
  const municipalities = useMunicipalities();
  const thisYear = Number(dutchToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const codes = me.organisation.municipalityCodes;
  const [municipality, setMunicipality] = useState<string>(codes[0] ?? '');
  const query = {
    municipalityCode: municipality || undefined,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  };
  const overview = useQuery({
    queryKey: ['report-overview', query],
    queryFn: async () => must(await api.GET('/api/v1/reports/overview', { params: { query } })),
  });
  const download = useMutation({
    mutationFn: async (table: TableDefinition) => {
      // Through the API client (the token goes in the header, never in a URL), then a Blob.
      const path = `/api/v1/reports/${table.csv}.csv` as '/api/v1/reports/placements.csv';
      const blob = must<Blob>(await api.GET(path, { params: { query }, parseAs: 'blob' }));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${table.csv}-${municipality || 'regio'}-${year}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    },
  });
  const name = (code: string) => municipalityName(municipalities.data, code);
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => thisYear - index);
  return (
    <section>
      <h1>Overzicht {municipality ? name(municipality) : ''}</h1>
      <p className="lead">
        Beleidsinformatie over een heel kalenderjaar: wie wacht, wie instroomt en uitstroomt, wat er
        van de voorstellen werd en hoe het de cliënten daarna vergaat.
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="report-year">Jaar</label>
          <select
            id="report-year"
            value={year}
            onChange={(event) => {
              setYear(Number(event.target.value));
            }}
          >
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        {codes.length > 1 ? (
          <div className="field">
            <label htmlFor="report-municipality">Gemeente</label>
            <select
              id="report-municipality"
              value={municipality}
              onChange={(event) => {
                setMunicipality(event.target.value);
              }}
            >
              {codes.map((code) => (
                <option key={code} value={code}>
                  {name(code)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {overview.isPending ? (
        <Loading what="Overzicht" />
      ) : overview.isError ? (
        <QueryError error={overview.error} />
      ) : (
        <div data-testid="report-overview">
          <p>
            {formatDate(overview.data.from)} tot en met {formatDate(overview.data.to)}; voorraden op{' '}
            {formatDate(overview.data.asOf)}.
            {overview.data.protection ? (
              <>
                {' '}
                Aantallen onder de {overview.data.protection.threshold} staan er als{' '}
                <strong>{overview.data.protection.primary}</strong>; een aantal dat zo'n klein
                aantal zou verraden als <strong>{overview.data.protection.secondary}</strong>.
              </>
            ) : null}
          </p>
          <ProblemMessage problem={download.error} />
          {REPORT_TABLES.map((table) => {
            const rows = overview.data.tables[table.key];
            if (table.key === 'runs' && overview.data.protection) return null;
            return (
              <section key={table.key} className="report-table" data-table={table.csv}>
                <h2>{table.title}</h2>
                <p className="hint">{table.explanation}</p>
                {table.chart && rows.length > 0 ? (
                  <BarChart
                    title={`${table.title}: ${table.columns.find((c) => c.key === table.chart)?.label ?? ''} per doelgroep`}
                    rows={rows}
                    column={table.chart}
                  />
                ) : null}
                {rows.length === 0 ? (
                  <Empty>Niets te tellen in deze periode.</Empty>
                ) : (
                  <TableScroll label={table.title}>
                    <table className="list report">
                      <thead>
                        <tr>
                          {table.columns.map((column) => (
                            <th key={column.key} scope="col">
                              {column.label}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((row, index) => (
                          <tr key={index}>
                            {table.columns.map((column) => (
                              <td key={column.key}>
                                {describe(column.key, row[column.key], name) ?? (
                                  <ReportCell value={row[column.key]} as={column.as} />
                                )}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                )}
                <button
                  type="button"
                  className="secondary"
                  disabled={download.isPending}
                  onClick={() => {
                    download.mutate(table);
                  }}
                >
                  {table.title} als CSV downloaden
                </button>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

/** A text column in Dutch (names for codes); null for a figure. */
function describe(
  key: string,
  value: number | string | null | undefined,
  name: (code: string) => string,
): string | null {
  if (typeof value !== 'string') return null;
  if (key === 'municipalityCode') return name(value);
  if (key === 'targetGroup') return label(TARGET_GROUP_LABELS, value);
  if (key === 'reason') return label(REASON_LABELS, value);
  if (key === 'action') return label(ACTION_LABELS, value);
  if (key === 'party') return label(PARTY_LABELS, value);
  if (['corporationName', 'neighbourhoodCode', 'regionCode'].includes(key)) {
    return value;
  }
  return null;
}

/**
 * One bar per row (a target group) in plain SVG; a hidden figure (`<5`, `x`) gets no bar but its
 * sign, so the chart shows no more than the table.
 */
export function BarChart(props: { title: string; rows: ReportRow[]; column: string }) {
  const values = props.rows.map((row) => exactCount(row[props.column]));
  const max = Math.max(1, ...values.map((value) => value ?? 0));
  const rowHeight = 22;
  return (
    <figure className="bar-chart">
      <figcaption>{props.title}</figcaption>
      <svg
        role="img"
        aria-label={props.title}
        width="440"
        height={props.rows.length * rowHeight}
        viewBox={`0 0 440 ${props.rows.length * rowHeight}`}
      >
        {props.rows.map((row, index) => {
          const value = values[index] ?? null;
          const y = index * rowHeight;
          return (
            <g key={index}>
              <text x="0" y={y + 15} fontSize="13">
                {label(TARGET_GROUP_LABELS, String(row.targetGroup ?? ''))}
              </text>
              <rect x="170" y={y + 4} width="200" height="14" fill="#e4e9ef" />
              {value !== null ? (
                <rect x="170" y={y + 4} width={(200 * value) / max} height="14" fill="#0b5cad" />
              ) : null}
              <text x="376" y={y + 15} fontSize="13">
                {value !== null ? value : String(row[props.column] ?? '—')}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

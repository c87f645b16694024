import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { ApiProblem, type FieldProblem, must } from '../api/client';
import { useSession } from '../session/session';
import { ProblemMessage } from '../ui/Field';

export const UNIT_CSV_COLUMNS =
  'externalRef, type, street, houseNumber, postcode, municipalityCode, neighbourhoodCode, lat, lon, rent, bedrooms, floor, hasLift, wheelchairAccessible, stimulus, furnished, availableFrom, contingentYear, omklapReviewAfterMonths, doorstroomMaxStayMonths, clusterId';

export interface RefusedRow {
  /** The line of the file (1 is the header). */
  line: number;
  problems: { column: string; message: string }[];
}

/** `lines[12].rent` → line 12, column rent; problems not about a line are left out. */
export function refusedRows(errors: FieldProblem[]): RefusedRow[] {
  const rows = new Map<number, RefusedRow>();
  for (const error of errors) {
    const match = /^lines\[(\d+)\](?:\.(.+))?$/.exec(error.path);
    if (!match) continue;
    const line = Number(match[1]);
    const row = rows.get(line) ?? { line, problems: [] };
    row.problems.push({ column: match[2] ?? '(regel)', message: error.message });
    rows.set(line, row);
  }
  return [...rows.values()].sort((a, b) => a.line - b.line);
}

/** A CSV file of homes: all rows or none; refused rows are shown with every bad cell. */
export function UnitCsvImport() {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (csv: string) =>
      must(
        await api.POST('/api/v1/units/import', {
          body: csv,
          bodySerializer: (body: string) => body,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
  const problem = upload.error instanceof ApiProblem ? upload.error : null;
  const rows = problem ? refusedRows(problem.errors) : [];
  return (
    <section>
      <p>
        <Link to="/woningen">← Terug naar de woningen</Link>
      </p>
      <h1>Woningen importeren (CSV)</h1>
      <p className="lead">
        Eén woning per regel, met een kopregel. Alles of niets: als één regel niet klopt, wordt
        niets geïmporteerd en ziet u hieronder elke geweigerde regel. Kolommen:{' '}
        <code>{UNIT_CSV_COLUMNS}</code>.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) {
            const reader = new FileReader();
            reader.onload = () => {
              upload.mutate(typeof reader.result === 'string' ? reader.result : '');
            };
            reader.readAsText(file, 'utf-8');
          }
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>CSV-bestand</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              upload.reset();
              setFile(event.target.files?.[0] ?? null);
            }}
          />
        </div>
        <button type="submit" disabled={!file || upload.isPending}>
          {upload.isPending ? 'Importeren…' : 'Importeren'}
        </button>
      </form>
      {upload.isSuccess ? (
        <p role="status" className="success" data-testid="import-result">
          {upload.data.total} regels gelezen: {upload.data.created} woningen toegevoegd,{' '}
          {upload.data.unchanged} ongewijzigd.
        </p>
      ) : null}
      {problem ? (
        <div role="alert" className="problem" data-testid="import-refused">
          <p>
            Niets geïmporteerd.{' '}
            {rows.length > 0 ? `${rows.length} regel(s) geweigerd:` : problem.message}
          </p>
          {rows.length > 0 ? (
            <table className="list refused-rows">
              <thead>
                <tr>
                  <th scope="col">Regel</th>
                  <th scope="col">Kolom</th>
                  <th scope="col">Probleem</th>
                </tr>
              </thead>
              <tbody>
                {rows.flatMap((row) =>
                  row.problems.map((item, index) => (
                    <tr key={`${row.line}:${item.column}:${index}`} data-line={row.line}>
                      {index === 0 ? (
                        <th scope="row" rowSpan={row.problems.length}>
                          {row.line}
                        </th>
                      ) : null}
                      <td>
                        <code>{item.column}</code>
                      </td>
                      <td>{item.message}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          ) : (
            <ProblemMessage problem={problem} />
          )}
        </div>
      ) : upload.error ? (
        <ProblemMessage problem={upload.error} />
      ) : null}
    </section>
  );
}

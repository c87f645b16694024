import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { ApiProblem, must } from '../api/client';
import { municipalityName, useMunicipalities } from '../api/queries';
import { useSession } from '../session/session';
import { Field, Loading, ProblemMessage, QueryError } from '../ui/Field';

/** Where the provider's ambulant support reaches, and how many clients it can take on there. */
export function Coverage() {
  const { api, me } = useSession();
  const queryClient = useQueryClient();
  const municipalities = useMunicipalities();
  const id = me.organisation.id;
  const coverage = useQuery({
    queryKey: ['coverage', id],
    queryFn: async () =>
      must(await api.GET('/api/v1/organisations/{id}/coverage', { params: { path: { id } } })),
  });
  const [edited, setEdited] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: async (capacities: Record<string, string>) =>
      must(
        await api.PUT('/api/v1/organisations/{id}/coverage', {
          params: { path: { id } },
          body: Object.entries(capacities)
            .filter(([, capacity]) => capacity.trim() !== '')
            .map(([municipalityCode, capacity]) => ({
              municipalityCode,
              capacity: Number(capacity),
            })),
        }),
      ),
    onSuccess: async () => {
      setEdited(null);
      await queryClient.invalidateQueries({ queryKey: ['coverage', id] });
    },
  });
  if (coverage.isPending || municipalities.isPending) return <Loading what="Dekking" />;
  if (coverage.isError) return <QueryError error={coverage.error} />;
  const current = Object.fromEntries(
    coverage.data.items.map((item) => [item.municipalityCode, String(item.capacity)]),
  );
  const values = edited ?? current;
  const codes = [...(municipalities.data?.keys() ?? [])].sort((a, b) =>
    municipalityName(municipalities.data, a).localeCompare(
      municipalityName(municipalities.data, b),
    ),
  );
  const problem = save.error instanceof ApiProblem ? save.error : null;
  return (
    <section>
      <h1>Dekking</h1>
      <p className="lead">
        In welke gemeenten kan uw ambulante begeleiding komen, en hoeveel cliënten kunt u daar
        begeleiden? Leeg betekent: daar niet. De matching houdt hier rekening mee.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(values);
        }}
      >
        <table className="list" data-testid="coverage">
          <thead>
            <tr>
              <th scope="col">Gemeente</th>
              <th scope="col">Capaciteit</th>
            </tr>
          </thead>
          <tbody>
            {codes.map((code, index) => (
              <tr key={code}>
                <th scope="row">{municipalityName(municipalities.data, code)}</th>
                <td>
                  <Field
                    label={`Capaciteit in ${municipalityName(municipalities.data, code)}`}
                    name={`[${index}].capacity`}
                    problem={problem}
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="number"
                        min={0}
                        value={values[code] ?? ''}
                        onChange={(event) => {
                          setEdited({ ...values, [code]: event.target.value });
                        }}
                      />
                    )}
                  </Field>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ProblemMessage problem={save.error} />
        <button type="submit" disabled={save.isPending || edited === null}>
          Dekking opslaan
        </button>
      </form>
    </section>
  );
}

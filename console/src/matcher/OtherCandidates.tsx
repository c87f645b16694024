import { useQuery } from '@tanstack/react-query';

import { must } from '../api/client';
import { byId, useAllClients } from '../api/queries';
import { useSession } from '../session/session';
import { Empty, Loading, QueryError, TableScroll } from '../ui/Field';
import { formatScore } from '../ui/format';
import { CRITERIA, CRITERION_LABELS } from '../ui/labels';

/** Every client who could have this home, ranked as the run ranks them (urgent, wait, fit). */
export function OtherCandidates(props: {
  unitId: string;
  currentClientId: string;
  onWhyNot: (clientId: string) => void;
}) {
  const { api } = useSession();
  const candidates = useQuery({
    queryKey: ['candidates', props.unitId],
    queryFn: async () =>
      must(
        await api.GET('/api/v1/units/{id}/candidates', {
          params: { path: { id: props.unitId } },
        }),
      ),
  });
  const clients = useAllClients();
  const clientById = byId(clients.data);
  if (candidates.isPending) return <Loading what="Kandidaten" />;
  if (candidates.isError) return <QueryError error={candidates.error} />;
  const items = candidates.data.items;
  return (
    <section aria-labelledby="candidates-title">
      <h2 id="candidates-title">Andere kandidaten voor deze woning</h2>
      {items.length === 0 ? (
        <Empty>Geen andere cliënt komt voor deze woning in aanmerking.</Empty>
      ) : (
        <TableScroll label="Kandidaten">
          <table className="list" data-testid="candidates">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Cliënt</th>
                <th scope="col">Urgent</th>
                <th scope="col">Wachtdagen</th>
                <th scope="col">Score</th>
                {CRITERIA.map((criterion) => (
                  <th scope="col" key={criterion}>
                    {CRITERION_LABELS[criterion]}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Waarom niet</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((candidate, index) => (
                <tr
                  key={candidate.clientId}
                  className={candidate.clientId === props.currentClientId ? 'current' : undefined}
                  aria-current={candidate.clientId === props.currentClientId ? 'true' : undefined}
                >
                  <td>{index + 1}</td>
                  <td>
                    {clientById.get(candidate.clientId)?.externalRef ??
                      candidate.clientId.slice(0, 8)}
                    {candidate.clientId === props.currentClientId ? ' (dit voorstel)' : ''}
                  </td>
                  <td>{candidate.urgent ? 'ja' : 'nee'}</td>
                  <td>{candidate.waitDays}</td>
                  <td>{formatScore(candidate.score)}</td>
                  {CRITERIA.map((criterion) => (
                    <td key={criterion}>{formatScore(candidate.breakdown[criterion])}</td>
                  ))}
                  <td>
                    {candidate.clientId === props.currentClientId ? null : (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          props.onWhyNot(candidate.clientId);
                        }}
                      >
                        Vergelijk
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

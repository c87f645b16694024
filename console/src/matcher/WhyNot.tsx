import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';

import { must } from '../api/client';
import { useAllClients } from '../api/queries';
import { useSession } from '../session/session';
import { Loading, QueryError } from '../ui/Field';
import { CLIENT_STATUS_LABELS, label, UNIT_STATUS_LABELS } from '../ui/labels';
import { HardRules } from './HardRules';
import { ScoreBreakdown } from './ScoreBreakdown';

/**
 * "Why not?": for any client of the region, every hard rule the pair with this home passes or
 * fails, and what it would score.
 */
export function WhyNot(props: {
  unitId: string;
  clientId: string;
  onClientChange: (clientId: string) => void;
}) {
  const { api } = useSession();
  const selectId = useId();
  const clients = useAllClients();
  const evaluation = useQuery({
    queryKey: ['why-not', props.unitId, props.clientId],
    enabled: props.clientId !== '',
    queryFn: async () =>
      must(
        await api.GET('/api/v1/units/{id}/candidates/{clientId}', {
          params: { path: { id: props.unitId, clientId: props.clientId } },
        }),
      ),
  });
  const options = [...(clients.data ?? [])].sort((a, b) =>
    a.externalRef.localeCompare(b.externalRef),
  );
  return (
    <section aria-labelledby="why-not-title" className="why-not" data-testid="why-not">
      <h2 id="why-not-title">Waarom niet?</h2>
      <label htmlFor={selectId}>Cliënt uit de regio</label>
      <select
        id={selectId}
        value={props.clientId}
        onChange={(event) => {
          props.onClientChange(event.target.value);
        }}
      >
        <option value="">Kies een cliënt…</option>
        {options.map((client) => (
          <option key={client.id} value={client.id}>
            {client.externalRef}
          </option>
        ))}
      </select>
      {props.clientId === '' ? null : evaluation.isPending ? (
        <Loading what="Beoordeling" />
      ) : evaluation.isError ? (
        <QueryError error={evaluation.error} />
      ) : (
        <div className="why-not-result" data-testid="why-not-result">
          <p className={evaluation.data.allowed ? 'verdict allowed' : 'verdict refused'}>
            {evaluation.data.allowed
              ? 'Deze combinatie is toegestaan.'
              : 'Deze combinatie is niet toegestaan.'}{' '}
            Cliënt: {label(CLIENT_STATUS_LABELS, evaluation.data.clientStatus)}, woning:{' '}
            {label(UNIT_STATUS_LABELS, evaluation.data.unitStatus)}.
          </p>
          <HardRules rules={evaluation.data.rules} />
          <ScoreBreakdown
            breakdown={evaluation.data.breakdown}
            score={evaluation.data.score}
            caption="Score als deze cliënt de woning kreeg"
          />
        </div>
      )}
    </section>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';

import { ApiProblem, must } from '../api/client';
import { municipalityName, useAllClients, useAllUnits, useMunicipalities } from '../api/queries';
import { useSession } from '../session/session';
import { Field, Loading, ProblemMessage } from '../ui/Field';
import { label, UNIT_TYPE_LABELS } from '../ui/labels';

/**
 * A proposal made by hand. A pair that breaks a hard rule needs "override", and then a second
 * matcher (another token) must approve it: four eyes.
 */
export function ManualProposal() {
  const { api } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useAllUnits();
  const clients = useAllClients();
  const municipalities = useMunicipalities();
  const [unitId, setUnitId] = useState('');
  const [clientId, setClientId] = useState('');
  const [justification, setJustification] = useState('');
  const [override, setOverride] = useState(false);
  const create = useMutation({
    mutationFn: async () =>
      must(
        await api.POST('/api/v1/proposals', {
          body: { unitId, clientId, justification: justification.trim(), override },
        }),
      ),
    onSuccess: async (proposal) => {
      await queryClient.invalidateQueries({ queryKey: ['proposals'] });
      await navigate(`/voorstellen/${proposal.id}`);
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const availableUnits = (units.data ?? [])
    .filter((unit) => unit.status === 'available')
    .sort((a, b) => a.externalRef.localeCompare(b.externalRef));
  const waitingClients = (clients.data ?? [])
    .filter((client) => client.status === 'waiting')
    .sort((a, b) => a.externalRef.localeCompare(b.externalRef));
  if (units.isPending || clients.isPending) return <Loading what="Woningen en cliënten" />;
  return (
    <section>
      <p>
        <Link to="/voorstellen">← Terug naar de wachtrij</Link>
      </p>
      <h1>Handmatig voorstel</h1>
      <p className="lead">
        Een beschikbare woning en een wachtende cliënt uit uw gemeenten. Breekt de combinatie een
        harde regel, dan moet u die bewust overschrijven en keurt een tweede matcher het voorstel
        goed.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Field label="Woning" name="unitId" problem={problem}>
          {(control) => (
            <select
              {...control}
              required
              value={unitId}
              onChange={(event) => {
                setUnitId(event.target.value);
              }}
            >
              <option value="">Kies een woning…</option>
              {availableUnits.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.externalRef} · {unit.address.street} {unit.address.houseNumber},{' '}
                  {municipalityName(municipalities.data, unit.address.municipalityCode)} (
                  {label(UNIT_TYPE_LABELS, unit.type)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Cliënt" name="clientId" problem={problem}>
          {(control) => (
            <select
              {...control}
              required
              value={clientId}
              onChange={(event) => {
                setClientId(event.target.value);
              }}
            >
              <option value="">Kies een cliënt…</option>
              {waitingClients.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.externalRef}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Onderbouwing"
          name="justification"
          problem={problem}
          hint="Waarom deze combinatie, in een paar woorden; geen persoonsgegevens."
        >
          {(control) => (
            <textarea
              {...control}
              required
              maxLength={500}
              value={justification}
              onChange={(event) => {
                setJustification(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label="Harde regels overschrijven" name="override" problem={problem}>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={override}
              onChange={(event) => {
                setOverride(event.target.checked);
              }}
            />
          )}
        </Field>
        <ProblemMessage
          problem={create.error}
          shown={['unitId', 'clientId', 'justification', 'override']}
        />
        <button type="submit" disabled={create.isPending}>
          Voorstel maken
        </button>
      </form>
    </section>
  );
}

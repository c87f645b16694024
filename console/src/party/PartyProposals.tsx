import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { allPages, ApiProblem, must, type Schemas } from '../api/client';
import { municipalityName, useMunicipalities } from '../api/queries';
import { useSession } from '../session/session';
import { Empty, Field, Loading, ProblemMessage, QueryError } from '../ui/Field';
import { formatDate, formatEuro } from '../ui/format';
import {
  label,
  PROPOSAL_STATUS_LABELS,
  STIMULUS_LABELS,
  SUPPORT_LABELS,
  UNIT_TYPE_LABELS,
} from '../ui/labels';
import { ReasonForm, type ReasonInput } from '../ui/ReasonForm';
import { type Step, takeStep } from '../ui/steps';

type CorporationProposal = Schemas['CorporationProposal'];
type ProviderProposal = Schemas['ProviderProposal'];
type PartyProposal = CorporationProposal | ProviderProposal;

const DECISION_LABELS: Record<string, string> = {
  accepted: 'geaccepteerd',
  declined: 'geweigerd',
};
const decision = (code: string | null) =>
  code ? label(DECISION_LABELS, code) : 'nog niet besloten';

/**
 * The voordrachten of a corporation or a provider: approved by a matcher, to accept or decline;
 * a corporation then records the lease start.
 */
export function PartyProposals(props: { party: 'corporation' | 'provider' }) {
  const { api } = useSession();
  const proposals = useQuery({
    queryKey: ['proposals', 'party'],
    queryFn: async () =>
      (await allPages(async (cursor) =>
        must(await api.GET('/api/v1/proposals', { params: { query: { limit: 500, cursor } } })),
      )) as PartyProposal[],
  });
  const open = (proposals.data ?? []).filter((p) => ['approved', 'accepted'].includes(p.status));
  const closed = (proposals.data ?? []).filter((p) => !['approved', 'accepted'].includes(p.status));
  return (
    <section>
      <h1>Voordrachten</h1>
      <p className="lead">
        {props.party === 'corporation'
          ? 'Door een matcher voorgedragen cliënten voor uw woningen. U ziet alleen wat u nodig heeft: huishouden, woonbehoeften en begeleiding.'
          : 'Door een matcher voorgedragen woningen voor uw cliënten.'}
      </p>
      <QueryError error={proposals.error} />
      {proposals.isPending ? (
        <Loading what="Voordrachten" />
      ) : open.length === 0 ? (
        <Empty>Er zijn geen open voordrachten.</Empty>
      ) : (
        <ul className="cards" data-testid="party-proposals">
          {open.map((proposal) => (
            <PartyProposalCard key={proposal.id} proposal={proposal} party={props.party} />
          ))}
        </ul>
      )}
      {closed.length > 0 ? (
        <>
          <h2>Afgehandeld</h2>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Voordracht</th>
                <th scope="col">Status</th>
                <th scope="col">Reden</th>
                <th scope="col">Ingangsdatum huur</th>
              </tr>
            </thead>
            <tbody>
              {closed.map((proposal) => (
                <tr key={proposal.id} data-proposal={proposal.id}>
                  <td>{proposal.id.slice(0, 8)}</td>
                  <td>{label(PROPOSAL_STATUS_LABELS, proposal.status)}</td>
                  <td>{proposal.reason ?? '—'}</td>
                  <td>{formatDate(proposal.leaseStart)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function PartyProposalCard(props: { proposal: PartyProposal; party: 'corporation' | 'provider' }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<'decline' | 'placement' | null>(null);
  const [leaseStart, setLeaseStart] = useState('');
  const step = useMutation({
    mutationFn: async (input: { step: Step; body?: ReasonInput | { leaseStart: string } }) =>
      takeStep(api, props.proposal, input.step, input.body),
    onSuccess: async () => {
      setForm(null);
      await queryClient.invalidateQueries({ queryKey: ['proposals'] });
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
    },
  });
  const p = props.proposal;
  const ownDecision = props.party === 'corporation' ? p.corporationDecision : p.providerDecision;
  const problem = step.error instanceof ApiProblem ? step.error : null;
  return (
    <li className="card" data-proposal={p.id}>
      <h2>
        {'unit' in p ? `${p.unit.address.street} ${p.unit.address.houseNumber}` : 'Voordracht'}{' '}
        <span className="status">{label(PROPOSAL_STATUS_LABELS, p.status)}</span>
      </h2>
      {'client' in p ? <ClientForCorporation proposal={p} /> : <UnitForProvider proposal={p} />}
      <p className="meta">
        Corporatie: {decision(p.corporationDecision)} · Zorgaanbieder:{' '}
        {decision(p.providerDecision)} · termijn {p.deadline ? formatDate(p.deadline) : 'geen'}
      </p>
      {form === 'decline' ? (
        <ReasonForm
          party={props.party}
          submitLabel="Weigeren"
          problem={problem}
          busy={step.isPending}
          onSubmit={(body) => {
            step.mutate({ step: 'decline', body });
          }}
          onCancel={() => {
            setForm(null);
          }}
        />
      ) : form === 'placement' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            step.mutate({ step: 'placement', body: { leaseStart } });
          }}
        >
          <Field label="Ingangsdatum huurcontract" name="leaseStart" problem={problem}>
            {(control) => (
              <input
                {...control}
                type="date"
                required
                value={leaseStart}
                onChange={(event) => {
                  setLeaseStart(event.target.value);
                }}
              />
            )}
          </Field>
          <ProblemMessage problem={problem} shown={['leaseStart']} />
          <div className="actions">
            <button type="submit" disabled={step.isPending || leaseStart === ''}>
              Huurcontract vastleggen
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setForm(null);
              }}
            >
              Terug
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          {p.status === 'approved' && ownDecision === null ? (
            <>
              <button
                type="button"
                disabled={step.isPending}
                onClick={() => {
                  step.mutate({ step: 'accept' });
                }}
              >
                Accepteren
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  step.reset();
                  setForm('decline');
                }}
              >
                Weigeren…
              </button>
            </>
          ) : null}
          {p.status === 'approved' && ownDecision !== null ? (
            <p>U heeft geaccepteerd; de andere partij moet nog besluiten.</p>
          ) : null}
          {props.party === 'corporation' && p.status === 'accepted' ? (
            <button
              type="button"
              onClick={() => {
                step.reset();
                setForm('placement');
              }}
            >
              Huurcontract vastleggen…
            </button>
          ) : null}
          <ProblemMessage problem={step.error} />
        </div>
      )}
    </li>
  );
}

function ClientForCorporation(props: { proposal: CorporationProposal }) {
  const { client } = props.proposal;
  return (
    <dl>
      <dt>Huishouden</dt>
      <dd>
        {client.household.adults} volwassene(n), {client.household.children} kind(eren)
      </dd>
      <dt>Woonbehoeften</dt>
      <dd>
        {[
          client.needs.groundFloorOrLift ? 'begane grond of lift' : null,
          client.needs.wheelchair ? 'rolstoeltoegankelijk' : null,
        ]
          .filter(Boolean)
          .join(', ') || 'geen bijzondere'}
      </dd>
      <dt>Begeleiding</dt>
      <dd>
        {client.support
          ? label(SUPPORT_LABELS, client.support.intensity)
          : 'niet gedeeld (geen toestemming)'}
      </dd>
    </dl>
  );
}

function UnitForProvider(props: { proposal: ProviderProposal }) {
  const { unit } = props.proposal;
  const municipalities = useMunicipalities();
  return (
    <dl>
      <dt>Adres</dt>
      <dd>
        {unit.address.street} {unit.address.houseNumber}, {unit.address.postcode}{' '}
        {municipalityName(municipalities.data, unit.address.municipalityCode)}
      </dd>
      <dt>Type</dt>
      <dd>{label(UNIT_TYPE_LABELS, unit.type)}</dd>
      <dt>Huur</dt>
      <dd>
        {formatEuro(unit.rent)} + {formatEuro(unit.serviceCosts)} servicekosten
      </dd>
      <dt>Kenmerken</dt>
      <dd>
        {unit.bedrooms} slaapkamer(s), verdieping {unit.floor}
        {unit.hasLift ? ', lift' : ''}
        {unit.wheelchairAccessible ? ', rolstoeltoegankelijk' : ''},{' '}
        {label(STIMULUS_LABELS, unit.stimulus)}
      </dd>
      <dt>Beschikbaar vanaf</dt>
      <dd>{formatDate(unit.availableFrom)}</dd>
    </dl>
  );
}

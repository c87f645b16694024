import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { ApiProblem, must } from '../api/client';
import {
  type MatcherProposal,
  municipalityName,
  useClient,
  useMunicipalities,
  useUnit,
} from '../api/queries';
import { useSession } from '../session/session';
import { Loading, ProblemMessage, QueryError } from '../ui/Field';
import { formatDate, formatEuro } from '../ui/format';
import {
  label,
  PROPOSAL_STATUS_LABELS,
  STIMULUS_LABELS,
  STIMULUS_NEED_LABELS,
  SUPPORT_LABELS,
  TARGET_GROUP_LABELS,
  UNIT_TYPE_LABELS,
} from '../ui/labels';
import { ReasonForm, type ReasonInput } from '../ui/ReasonForm';
import { type Step, takeStep } from '../ui/steps';
import { HardRules } from './HardRules';
import { OtherCandidates } from './OtherCandidates';
import { ScoreBreakdown } from './ScoreBreakdown';
import { WhyNot } from './WhyNot';

/** One proposal as a matcher sees it: the pair, why, the alternatives, and the decision. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const proposal = useQuery({
    queryKey: ['proposal', id],
    queryFn: async () =>
      must(
        await api.GET('/api/v1/proposals/{id}', { params: { path: { id } } }),
      ) as MatcherProposal,
  });
  const [whyNotClient, setWhyNotClient] = useState('');

  if (proposal.isPending) return <Loading what="Voorstel" />;
  if (proposal.isError) return <QueryError error={proposal.error} />;
  const p = proposal.data;
  return (
    <article className="proposal-page">
      <p>
        <Link to="/voorstellen">← Terug naar de wachtrij</Link>
      </p>
      <h1>
        Voorstel{' '}
        <span className="status" data-testid="proposal-status">
          {label(PROPOSAL_STATUS_LABELS, p.status)}
        </span>
      </h1>
      <p className="meta">
        {p.origin === 'manual' ? 'Handmatig voorstel' : 'Voorstel van de matching'} · beleidsversie{' '}
        {p.policyVersion} · aangemaakt {formatDate(p.createdAt)} · termijn{' '}
        {p.deadline ? formatDate(p.deadline) : 'geen'}
        {p.overriddenRules.length > 0
          ? ` · overschreven regels: ${p.overriddenRules.join(', ')}`
          : ''}
      </p>
      {p.awaitingSecondMatcher ? (
        <p className="notice">
          Dit voorstel overschrijdt een harde regel: een tweede matcher (een andere token) moet het
          goedkeuren.
        </p>
      ) : null}
      <div className="two-columns">
        <PairSummary unitId={p.unitId} clientId={p.clientId} />
        <div>
          <ScoreBreakdown breakdown={p.breakdown} score={p.score} />
          <HardRules rules={p.rules} />
        </div>
      </div>
      <MatcherDecision proposal={p} />
      <OtherCandidates
        unitId={p.unitId}
        currentClientId={p.clientId}
        onWhyNot={(clientId) => {
          setWhyNotClient(clientId);
          document.getElementById('why-not-title')?.scrollIntoView();
        }}
      />
      <WhyNot unitId={p.unitId} clientId={whyNotClient} onClientChange={setWhyNotClient} />
    </article>
  );
}

function PairSummary(props: { unitId: string; clientId: string }) {
  const unit = useUnit(props.unitId);
  const client = useClient(props.clientId);
  const municipalities = useMunicipalities();
  return (
    <div className="pair">
      <section aria-labelledby="unit-title">
        <h2 id="unit-title">Woning</h2>
        {unit.data ? (
          <dl>
            <dt>Adres</dt>
            <dd>
              {unit.data.address.street} {unit.data.address.houseNumber},{' '}
              {municipalityName(municipalities.data, unit.data.address.municipalityCode)}
            </dd>
            <dt>Type</dt>
            <dd>{label(UNIT_TYPE_LABELS, unit.data.type)}</dd>
            <dt>Huur</dt>
            <dd>
              {formatEuro(unit.data.rent)} + {formatEuro(unit.data.serviceCosts)} servicekosten
            </dd>
            <dt>Slaapkamers / verdieping</dt>
            <dd>
              {unit.data.bedrooms} / {unit.data.floor}
              {unit.data.hasLift ? ' (lift)' : ''}
            </dd>
            <dt>Prikkels</dt>
            <dd>{label(STIMULUS_LABELS, unit.data.stimulus)}</dd>
            <dt>Beschikbaar vanaf</dt>
            <dd>{formatDate(unit.data.availableFrom)}</dd>
          </dl>
        ) : (
          <QueryError error={unit.error} />
        )}
      </section>
      <section aria-labelledby="client-title">
        <h2 id="client-title">Cliënt</h2>
        {client.data ? (
          <dl>
            <dt>Referentie</dt>
            <dd>{client.data.externalRef}</dd>
            <dt>Doelgroep</dt>
            <dd>{label(TARGET_GROUP_LABELS, client.data.targetGroup)}</dd>
            <dt>Huishouden</dt>
            <dd>
              {client.data.household.adults} volwassene(n), {client.data.household.children}{' '}
              kind(eren)
            </dd>
            <dt>Maximale huur</dt>
            <dd>{formatEuro(client.data.maxRent)}</dd>
            <dt>Prikkelarm</dt>
            <dd>{label(STIMULUS_NEED_LABELS, client.data.stimulusNeed)}</dd>
            <dt>Begeleiding</dt>
            <dd>{label(SUPPORT_LABELS, client.data.support.intensity)}</dd>
            <dt>Klaar sinds</dt>
            <dd>
              {formatDate(client.data.readySince)}
              {client.data.urgent ? ' · urgent' : ''}
            </dd>
          </dl>
        ) : (
          <QueryError error={client.error} />
        )}
      </section>
    </div>
  );
}

/** Approve, reject (with a reason) or cancel (with a reason), as the state allows. */
function MatcherDecision(props: { proposal: MatcherProposal }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<'reject' | 'cancel' | null>(null);
  const step = useMutation({
    mutationFn: async (input: { step: Step; body?: ReasonInput }) =>
      takeStep(api, props.proposal, input.step, input.body),
    onSuccess: (updated) => {
      queryClient.setQueryData(['proposal', props.proposal.id], updated);
      setForm(null);
      return queryClient.invalidateQueries({ queryKey: ['proposals'] });
    },
  });
  const problem = step.error instanceof ApiProblem ? step.error : null;
  const status = props.proposal.status;
  const canCancel = status === 'proposed' || status === 'approved' || status === 'accepted';
  if (status !== 'proposed' && !canCancel) return null;
  return (
    <section aria-labelledby="decision-title" className="decision">
      <h2 id="decision-title">Besluit</h2>
      {form === null ? (
        <div className="actions">
          {status === 'proposed' ? (
            <>
              <button
                type="button"
                disabled={step.isPending}
                onClick={() => {
                  step.mutate({ step: 'approve' });
                }}
              >
                Goedkeuren (voordragen)
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  step.reset();
                  setForm('reject');
                }}
              >
                Afwijzen…
              </button>
            </>
          ) : null}
          {canCancel ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                step.reset();
                setForm('cancel');
              }}
            >
              Annuleren…
            </button>
          ) : null}
        </div>
      ) : (
        <ReasonForm
          party="matcher"
          submitLabel={form === 'reject' ? 'Afwijzen' : 'Voorstel annuleren'}
          problem={problem}
          busy={step.isPending}
          onSubmit={(body) => {
            step.mutate({ step: form, body });
          }}
          onCancel={() => {
            setForm(null);
          }}
        />
      )}
      {form === null ? <ProblemMessage problem={step.error} /> : null}
    </section>
  );
}

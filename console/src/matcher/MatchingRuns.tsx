import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { ApiProblem, must, type Schemas } from '../api/client';
import { municipalityName, useMunicipalities } from '../api/queries';
import { useSession } from '../session/session';
import { TextInput } from '../ui/controls';
import { Empty, Loading, ProblemMessage, QueryError, TableScroll } from '../ui/Field';
import { formatCount, formatScore, formatSigned, formatTime } from '../ui/format';
import {
  CRITERIA,
  CRITERION_LABELS,
  label,
  RUN_STATUS_LABELS,
  RUN_TRIGGER_LABELS,
} from '../ui/labels';

type Run = Schemas['MatchingRun'];

/** The region's matching runs with their outcome against first-come greedy, and a what-if. */
export function MatchingRuns() {
  const { api, me } = useSession();
  const regionCode = me.organisation.regionCode ?? '';
  const runs = useQuery({
    queryKey: ['runs', regionCode],
    refetchInterval: 10_000,
    queryFn: async () =>
      must(
        await api.GET('/api/v1/matching/runs', {
          params: { query: { regionCode, limit: 20 } },
        }),
      ),
  });
  return (
    <section>
      <h1>Matchingsrondes</h1>
      <p className="lead">
        Elke ronde zoekt de optimale toewijzing voor de regio (urgent eerst, dan de langste
        wachttijd, dan de beste passing). Winst is wat de ronde meer doet dan wie-het-eerst-komt
        (greedy).
      </p>
      <QueryError error={runs.error} />
      {runs.isPending ? (
        <Loading what="Rondes" />
      ) : runs.data?.items.length === 0 ? (
        <Empty>Er zijn nog geen rondes gedraaid.</Empty>
      ) : (
        <TableScroll label="Rondes">
          <table className="list" data-testid="runs">
            <thead>
              <tr>
                <th scope="col">Gestart</th>
                <th scope="col">Aanleiding</th>
                <th scope="col">Status</th>
                <th scope="col">Gehuisvest</th>
                <th scope="col">Urgent gehuisvest</th>
                <th scope="col">Passing (som)</th>
                <th scope="col">Winst t.o.v. greedy: gehuisvest</th>
                <th scope="col">Winst: passing</th>
                <th scope="col">Cliënten / woningen</th>
              </tr>
            </thead>
            <tbody>
              {(runs.data?.items ?? []).map((run) => (
                <RunRow key={run.id} run={run} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <WhatIf regionCode={regionCode} />
    </section>
  );
}

function RunRow(props: { run: Run }) {
  const { run } = props;
  const stats = run.stats;
  return (
    <tr data-run={run.id}>
      <td>{formatTime(run.startedAt ?? run.createdAt)}</td>
      <td>
        {label(RUN_TRIGGER_LABELS, run.trigger)}
        {run.dryRun ? ' (wat-als)' : ''}
      </td>
      <td>{label(RUN_STATUS_LABELS, run.status)}</td>
      {stats ? (
        <>
          <td>{formatCount(stats.assigned)}</td>
          <td>{formatCount(stats.urgentHoused)}</td>
          <td>{formatScore(stats.fit)}</td>
          <td>{formatSigned(stats.assigned - stats.greedyAssigned)}</td>
          <td>{formatSigned(stats.fit - stats.greedyFit, formatScore)}</td>
          <td>
            {formatCount(stats.clients)} / {formatCount(stats.units)}
          </td>
        </>
      ) : (
        <td colSpan={6}>—</td>
      )}
    </tr>
  );
}

interface WhatIfInput {
  weights: Record<string, string>;
  neighbourhoodCap: string;
  maxDistanceKm: string;
  planningHorizonDays: string;
}

const numberOrUndefined = (value: string) => (value.trim() === '' ? undefined : Number(value));

/** A dry run with changed weights and caps: it stores a preview and offers nothing to anyone. */
function WhatIf(props: { regionCode: string }) {
  const { api } = useSession();
  const municipalities = useMunicipalities();
  const policy = useQuery({
    queryKey: ['policy', props.regionCode],
    queryFn: async () =>
      must(
        await api.GET('/api/v1/regions/{code}/policy', {
          params: { path: { code: props.regionCode } },
        }),
      ),
  });
  const [input, setInput] = useState<WhatIfInput | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async (form: WhatIfInput) => {
      const weights = Object.fromEntries(
        CRITERIA.map((criterion) => [criterion, Number(form.weights[criterion])]),
      );
      return must(
        await api.POST('/api/v1/matching/runs', {
          body: {
            regionCode: props.regionCode,
            dryRun: true,
            policy: {
              weights,
              neighbourhoodCap: numberOrUndefined(form.neighbourhoodCap),
              maxDistanceKm: numberOrUndefined(form.maxDistanceKm),
              planningHorizonDays: numberOrUndefined(form.planningHorizonDays),
            },
          },
        }),
      );
    },
    onSuccess: (run) => {
      setRunId(run.id);
    },
  });
  const result = useQuery({
    queryKey: ['run', runId],
    enabled: runId !== null,
    refetchInterval: (query) =>
      query.state.data?.status === 'done' || query.state.data?.status === 'failed' ? false : 1000,
    queryFn: async () =>
      must(await api.GET('/api/v1/matching/runs/{id}', { params: { path: { id: runId ?? '' } } })),
  });
  if (policy.isPending) return <Loading what="Beleid" />;
  if (policy.isError) return <QueryError error={policy.error} />;
  const form: WhatIfInput = input ?? {
    weights: Object.fromEntries(
      CRITERIA.map((criterion) => [criterion, String(policy.data.weights[criterion])]),
    ),
    neighbourhoodCap: String(policy.data.neighbourhoodCap),
    maxDistanceKm: String(policy.data.maxDistanceKm),
    planningHorizonDays: String(policy.data.planningHorizonDays),
  };
  const problem = start.error instanceof ApiProblem ? start.error : null;
  const comparison = result.data?.stats?.comparison;
  return (
    <section aria-labelledby="what-if-title">
      <h2 id="what-if-title">Wat als? (proefronde)</h2>
      <p className="lead">
        Een proefronde rekent de regio door met ander beleid (beleidsversie {policy.data.version}{' '}
        als uitgangspunt). Er worden geen voorstellen gedaan.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setRunId(null);
          start.mutate(form);
        }}
      >
        <fieldset>
          <legend>Gewichten (0–100)</legend>
          <div className="form-grid">
            {CRITERIA.map((criterion) => (
              <TextInput
                key={criterion}
                label={CRITERION_LABELS[criterion]}
                name={`policy.weights.${criterion}`}
                problem={problem}
                input={{ type: 'number', min: 0, max: 100, step: 'any', required: true }}
                value={form.weights[criterion] ?? ''}
                onChange={(value) => {
                  setInput({ ...form, weights: { ...form.weights, [criterion]: value } });
                }}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Plafonds en grenzen</legend>
          <div className="form-grid">
            <TextInput
              label="Wijkplafond"
              name="policy.neighbourhoodCap"
              problem={problem}
              input={{ type: 'number', min: 0 }}
              value={form.neighbourhoodCap}
              onChange={(value) => {
                setInput({ ...form, neighbourhoodCap: value });
              }}
            />
            <TextInput
              label="Maximale afstand (km)"
              name="policy.maxDistanceKm"
              problem={problem}
              input={{ type: 'number', min: 0, step: 'any' }}
              value={form.maxDistanceKm}
              onChange={(value) => {
                setInput({ ...form, maxDistanceKm: value });
              }}
            />
            <TextInput
              label="Planningstermijn (dagen)"
              name="policy.planningHorizonDays"
              problem={problem}
              input={{ type: 'number', min: 0 }}
              value={form.planningHorizonDays}
              onChange={(value) => {
                setInput({ ...form, planningHorizonDays: value });
              }}
            />
          </div>
        </fieldset>
        <ProblemMessage problem={start.error} shown={['policy']} />
        <button
          type="submit"
          disabled={
            start.isPending || (runId !== null && !comparison && result.data?.status !== 'failed')
          }
        >
          Proefronde starten
        </button>
      </form>
      {runId === null ? null : result.data?.status === 'failed' ? (
        <p role="alert" className="problem">
          De proefronde mislukte.
        </p>
      ) : !comparison ? (
        <p role="status">Proefronde {label(RUN_STATUS_LABELS, result.data?.status ?? 'queued')}…</p>
      ) : (
        <table className="list" data-testid="what-if-result">
          <caption>Huidig beleid naast het wat-als-beleid (zelfde momentopname)</caption>
          <thead>
            <tr>
              <th scope="col">Uitkomst</th>
              <th scope="col">Huidig beleid</th>
              <th scope="col">Wat als</th>
              <th scope="col">Verschil</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Gehuisvest</th>
              <td>{formatCount(comparison.current.assigned)}</td>
              <td>{formatCount(comparison.whatIf.assigned)}</td>
              <td>{formatSigned(comparison.whatIf.assigned - comparison.current.assigned)}</td>
            </tr>
            <tr>
              <th scope="row">Doelwaarde</th>
              <td>{formatScore(comparison.current.objective)}</td>
              <td>{formatScore(comparison.whatIf.objective)}</td>
              <td>
                {formatSigned(
                  comparison.whatIf.objective - comparison.current.objective,
                  formatScore,
                )}
              </td>
            </tr>
            {[
              ...new Set([
                ...Object.keys(comparison.current.perMunicipality),
                ...Object.keys(comparison.whatIf.perMunicipality),
              ]),
            ]
              .sort()
              .map((code) => {
                const current = comparison.current.perMunicipality[code] ?? 0;
                const whatIf = comparison.whatIf.perMunicipality[code] ?? 0;
                return (
                  <tr key={code}>
                    <th scope="row">Gehuisvest in {municipalityName(municipalities.data, code)}</th>
                    <td>{formatCount(current)}</td>
                    <td>{formatCount(whatIf)}</td>
                    <td>{formatSigned(whatIf - current)}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';

import { allPages, must } from '../api/client';
import {
  byId,
  type MatcherProposalListItem,
  municipalityName,
  useAllClients,
  useAllUnits,
  useMunicipalities,
} from '../api/queries';
import { useSession } from '../session/session';
import { Empty, Loading, QueryError, TableScroll } from '../ui/Field';
import { formatDate, formatScore } from '../ui/format';
import { label, TARGET_GROUP_LABELS, UNIT_TYPE_LABELS } from '../ui/labels';

/** Deadline first (none last), then the oldest: the order a matcher works through the queue. */
export function queueOrder(
  a: { deadline: string | null; createdAt: string },
  b: { deadline: string | null; createdAt: string },
): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

export interface QueueFilters {
  municipalityCode: string;
  unitType: string;
  targetGroup: string;
}

/** The proposals waiting for a matcher, sorted by deadline, filterable by area, home and group. */
export function ProposalQueue() {
  const { api } = useSession();
  const proposals = useQuery({
    queryKey: ['proposals', 'queue'],
    queryFn: async () =>
      (await allPages(async (cursor) =>
        must(
          await api.GET('/api/v1/proposals', {
            params: { query: { status: 'proposed', limit: 500, cursor } },
          }),
        ),
      )) as MatcherProposalListItem[],
  });
  const units = useAllUnits();
  const clients = useAllClients();
  const municipalities = useMunicipalities();
  const [filters, setFilters] = useState<QueueFilters>({
    municipalityCode: '',
    unitType: '',
    targetGroup: '',
  });

  const unitById = useMemo(() => byId(units.data), [units.data]);
  const clientById = useMemo(() => byId(clients.data), [clients.data]);
  const rows = useMemo(
    () =>
      (proposals.data ?? [])
        .map((proposal) => ({
          proposal,
          unit: unitById.get(proposal.unitId),
          client: clientById.get(proposal.clientId),
        }))
        .filter(
          ({ unit, client }) =>
            (filters.municipalityCode === '' ||
              unit?.address.municipalityCode === filters.municipalityCode) &&
            (filters.unitType === '' || unit?.type === filters.unitType) &&
            (filters.targetGroup === '' || client?.targetGroup === filters.targetGroup),
        )
        .sort((a, b) => queueOrder(a.proposal, b.proposal)),
    [proposals.data, unitById, clientById, filters],
  );
  const municipalityCodes = [
    ...new Set((units.data ?? []).map((unit) => unit.address.municipalityCode)),
  ].sort((a, b) =>
    municipalityName(municipalities.data, a).localeCompare(
      municipalityName(municipalities.data, b),
    ),
  );

  const setFilter = (key: keyof QueueFilters) => (event: { target: { value: string } }) => {
    setFilters({ ...filters, [key]: event.target.value });
  };

  return (
    <section>
      <div className="page-head">
        <h1>Voorstellen om te beoordelen</h1>
        <Link className="button" to="/voorstellen/nieuw">
          Handmatig voorstel
        </Link>
      </div>
      <form
        className="filters"
        aria-label="Filters"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <label>
          Gemeente
          <select value={filters.municipalityCode} onChange={setFilter('municipalityCode')}>
            <option value="">Alle gemeenten</option>
            {municipalityCodes.map((code) => (
              <option key={code} value={code}>
                {municipalityName(municipalities.data, code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Woningtype
          <select value={filters.unitType} onChange={setFilter('unitType')}>
            <option value="">Alle typen</option>
            {Object.entries(UNIT_TYPE_LABELS).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Doelgroep
          <select value={filters.targetGroup} onChange={setFilter('targetGroup')}>
            <option value="">Alle doelgroepen</option>
            {Object.entries(TARGET_GROUP_LABELS).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryError error={proposals.error ?? units.error ?? clients.error} />
      {proposals.isPending || units.isPending || clients.isPending ? (
        <Loading what="Voorstellen" />
      ) : rows.length === 0 ? (
        <Empty>
          {(proposals.data ?? []).length === 0
            ? 'Er wachten geen voorstellen op beoordeling.'
            : 'Geen voorstellen met deze filters.'}
        </Empty>
      ) : (
        <TableScroll label="Voorstellen">
          <table className="list" data-testid="proposal-queue">
            <caption className="visually-hidden">
              {rows.length} voorstellen, op termijn en dan op leeftijd
            </caption>
            <thead>
              <tr>
                <th scope="col">Termijn</th>
                <th scope="col">Woning</th>
                <th scope="col">Gemeente</th>
                <th scope="col">Type</th>
                <th scope="col">Cliënt</th>
                <th scope="col">Doelgroep</th>
                <th scope="col">Score</th>
                <th scope="col">Sinds</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ proposal, unit, client }) => (
                <tr key={proposal.id} data-proposal={proposal.id}>
                  <td>{proposal.deadline ? formatDate(proposal.deadline) : 'geen'}</td>
                  <td>
                    <Link to={`/voorstellen/${proposal.id}`}>
                      {unit
                        ? `${unit.address.street} ${unit.address.houseNumber}`
                        : proposal.unitId.slice(0, 8)}
                    </Link>
                    {proposal.awaitingSecondMatcher ? (
                      <span className="badge">wacht op tweede matcher</span>
                    ) : null}
                  </td>
                  <td>
                    {unit
                      ? municipalityName(municipalities.data, unit.address.municipalityCode)
                      : '—'}
                  </td>
                  <td>{label(UNIT_TYPE_LABELS, unit?.type)}</td>
                  <td>{client?.externalRef ?? proposal.clientId.slice(0, 8)}</td>
                  <td>{label(TARGET_GROUP_LABELS, client?.targetGroup)}</td>
                  <td>{formatScore(proposal.score)}</td>
                  <td>{formatDate(proposal.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

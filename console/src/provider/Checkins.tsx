import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { allPages, ApiProblem, must, type Schemas } from '../api/client';
import { byId, useAllClients } from '../api/queries';
import { useSession } from '../session/session';
import { dutchToday } from '../ui/dates';
import { Empty, Loading, QueryError, TableScroll } from '../ui/Field';
import { formatDate } from '../ui/format';
import { CheckinForm, type CheckinInput } from './CheckinForm';

type Checkin = Schemas['Checkin'];

const STATUS_LABELS: Record<string, string> = { due: 'te doen', overdue: 'te laat' };

/** The follow-up check-ins due or overdue for the provider's clients, the earliest first. */
export function Checkins() {
  const { api } = useSession();
  const clients = useAllClients();
  const checkins = useQuery({
    queryKey: ['checkins', 'open'],
    queryFn: async () => {
      const lists = await Promise.all(
        (['due', 'overdue'] as const).map((status) =>
          allPages(async (cursor) =>
            must(
              await api.GET('/api/v1/checkins', {
                params: { query: { status, limit: 500, cursor } },
              }),
            ),
          ),
        ),
      );
      return lists.flat().sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.months - b.months);
    },
  });
  if (checkins.isPending) return <Loading what="Nazorg" />;
  if (checkins.isError) return <QueryError error={checkins.error} />;
  const clientsById = byId(clients.data);
  return (
    <section>
      <h1>Nazorg</h1>
      <p className="lead">
        Drie, zes en twaalf maanden na de ingang van het huurcontract vraagt u na of uw cliënt
        stabiel gehuisvest is. Hier staan de gesprekken die nu aan de beurt zijn of te laat, de
        oudste eerst.
      </p>
      {checkins.data.length === 0 ? (
        <Empty>Er is nu geen nazorg te doen.</Empty>
      ) : (
        <TableScroll label="Nazorg">
          <table className="list" data-testid="checkins">
            <thead>
              <tr>
                <th scope="col">Cliënt</th>
                <th scope="col">Gesprek</th>
                <th scope="col">Uiterlijk</th>
                <th scope="col">Status</th>
                <th scope="col">Vastleggen</th>
              </tr>
            </thead>
            <tbody>
              {checkins.data.map((checkin) => {
                const ref = clientsById.get(checkin.clientId)?.externalRef ?? '—';
                return (
                  <tr key={checkin.id} data-checkin={checkin.id}>
                    <th scope="row">{ref}</th>
                    <td>na {checkin.months} maanden</td>
                    <td>{formatDate(checkin.dueDate)}</td>
                    <td>
                      <span className={`status status-${checkin.status}`}>
                        {STATUS_LABELS[checkin.status] ?? checkin.status}
                      </span>
                    </td>
                    <td>
                      <RecordCheckin
                        checkin={checkin}
                        label={`Nazorg ${ref}, ${checkin.months} maanden`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function RecordCheckin(props: { checkin: Checkin; label: string }) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const { checkin } = props;
  const record = useMutation({
    mutationFn: async (input: CheckinInput) => {
      const id = checkin.placementId;
      // The placement's version guards against recording on a placement someone just changed.
      const placement = must(
        await api.GET('/api/v1/placements/{id}', { params: { path: { id } } }),
      );
      return must(
        await api.POST('/api/v1/placements/{id}/events', {
          params: { path: { id } },
          headers: { 'If-Match': `"${placement.version}"` },
          body: {
            type: 'checkin',
            date: input.date,
            stablyHoused: input.stablyHoused,
            months: checkin.months as 3 | 6 | 12,
          },
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['checkins'] });
    },
  });
  return (
    <CheckinForm
      label={props.label}
      today={dutchToday()}
      busy={record.isPending}
      problem={record.error instanceof ApiProblem ? record.error : null}
      onSubmit={(input) => {
        record.mutate(input);
      }}
    />
  );
}

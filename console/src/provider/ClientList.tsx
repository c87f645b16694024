import { Link } from 'react-router';

import { municipalityName, useAllClients, useMunicipalities } from '../api/queries';
import { Empty, Loading, QueryError } from '../ui/Field';
import { formatDate } from '../ui/format';
import {
  CLIENT_STATUS_LABELS,
  label,
  NOT_MATCHABLE_LABELS,
  TARGET_GROUP_LABELS,
} from '../ui/labels';

/** The provider's clients: status, and whether the matching considers them (or why not). */
export function ClientList() {
  const clients = useAllClients();
  const municipalities = useMunicipalities();
  const items = [...(clients.data ?? [])].sort((a, b) =>
    a.externalRef.localeCompare(b.externalRef),
  );
  return (
    <section>
      <div className="page-head">
        <h1>Cliënten</h1>
        <Link className="button" to="/clienten/nieuw">
          Cliënt aanmelden
        </Link>
      </div>
      <QueryError error={clients.error} />
      {clients.isPending ? (
        <Loading what="Cliënten" />
      ) : items.length === 0 ? (
        <Empty>U heeft nog geen cliënten aangemeld.</Empty>
      ) : (
        <table className="list" data-testid="clients">
          <caption className="visually-hidden">{items.length} cliënten</caption>
          <thead>
            <tr>
              <th scope="col">Referentie</th>
              <th scope="col">Doelgroep</th>
              <th scope="col">Gemeente van binding</th>
              <th scope="col">Klaar sinds</th>
              <th scope="col">Status</th>
              <th scope="col">Matchbaar</th>
            </tr>
          </thead>
          <tbody>
            {items.map((client) => (
              <tr key={client.id} data-client={client.externalRef}>
                <td>
                  <Link to={`/clienten/${client.id}`}>{client.externalRef}</Link>
                </td>
                <td>{label(TARGET_GROUP_LABELS, client.targetGroup)}</td>
                <td>{municipalityName(municipalities.data, client.municipalityOfBelonging)}</td>
                <td>{formatDate(client.readySince)}</td>
                <td>{label(CLIENT_STATUS_LABELS, client.status)}</td>
                <td data-testid="matchable">
                  {client.matchable
                    ? 'ja'
                    : `nee: ${client.notMatchableReasons.map((r) => label(NOT_MATCHABLE_LABELS, r)).join(', ')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { Link } from 'react-router';

import { municipalityName, useAllUnits, useMunicipalities } from '../api/queries';
import { Empty, Loading, QueryError } from '../ui/Field';
import { formatDate, formatEuro } from '../ui/format';
import { label, UNIT_STATUS_LABELS, UNIT_TYPE_LABELS } from '../ui/labels';

/** The corporation's homes with their status. */
export function UnitList() {
  const units = useAllUnits();
  const municipalities = useMunicipalities();
  const items = [...(units.data ?? [])].sort((a, b) => a.externalRef.localeCompare(b.externalRef));
  return (
    <section>
      <div className="page-head">
        <h1>Woningen</h1>
        <div className="actions">
          <Link className="button" to="/woningen/nieuw">
            Woning toevoegen
          </Link>
          <Link className="button secondary" to="/woningen/import">
            CSV importeren
          </Link>
        </div>
      </div>
      <QueryError error={units.error} />
      {units.isPending ? (
        <Loading what="Woningen" />
      ) : items.length === 0 ? (
        <Empty>U heeft nog geen woningen aangemeld.</Empty>
      ) : (
        <table className="list" data-testid="units">
          <caption className="visually-hidden">{items.length} woningen</caption>
          <thead>
            <tr>
              <th scope="col">Referentie</th>
              <th scope="col">Adres</th>
              <th scope="col">Gemeente</th>
              <th scope="col">Type</th>
              <th scope="col">Huur</th>
              <th scope="col">Beschikbaar vanaf</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((unit) => (
              <tr key={unit.id} data-unit={unit.externalRef}>
                <td>
                  <Link to={`/woningen/${unit.id}`}>{unit.externalRef}</Link>
                </td>
                <td>
                  {unit.address.street} {unit.address.houseNumber}
                </td>
                <td>{municipalityName(municipalities.data, unit.address.municipalityCode)}</td>
                <td>{label(UNIT_TYPE_LABELS, unit.type)}</td>
                <td>{formatEuro(unit.rent)}</td>
                <td>{formatDate(unit.availableFrom)}</td>
                <td data-testid="unit-status">
                  <span className={`status status-${unit.status}`}>
                    {label(UNIT_STATUS_LABELS, unit.status)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

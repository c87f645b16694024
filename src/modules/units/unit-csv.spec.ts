import { formatUnitCsv, parseUnitCsv } from './unit-csv';
import { type CreateUnitInput, createUnitSchema } from './unit.schemas';

const base: CreateUnitInput = {
  externalRef: 'WM-1',
  type: 'contingent',
  address: {
    street: "'s-Hertogenbosch-Oost",
    houseNumber: '12A',
    postcode: '5911 AB',
    municipalityCode: 'GM0983',
  },
  neighbourhoodCode: 'BU09830100',
  location: { lat: 51.3701, lon: 6.1722 },
  rent: 612.5,
  serviceCosts: 32.4,
  selfContained: true,
  petsAllowed: false,
  seniorOnly: false,
  bedrooms: 2,
  floor: 0,
  hasLift: false,
  wheelchairAccessible: true,
  stimulus: 'low',
  furnished: false,
  availableFrom: '2027-01-01',
  contingentYear: 2027,
};

describe('units CSV', () => {
  it('reads back exactly what it writes, for every unit type', () => {
    const units: CreateUnitInput[] = [
      base,
      {
        ...base,
        externalRef: 'WM-2',
        type: 'omklap',
        contingentYear: undefined,
        omklap: { reviewAfterMonths: 9 },
      },
      {
        ...base,
        externalRef: 'WM-3',
        type: 'doorstroom',
        contingentYear: undefined,
        doorstroom: { maxStayMonths: 12 },
      },
      {
        ...base,
        externalRef: 'WM-4',
        type: 'skaeve_huis',
        contingentYear: undefined,
        clusterId: 'K1',
      },
    ].map((unit) => JSON.parse(JSON.stringify(unit)) as CreateUnitInput);
    const rows = parseUnitCsv(formatUnitCsv(units), 10);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(rows.map((row) => createUnitSchema.parse(row.value))).toEqual(units);
  });

  it('quotes cells holding the separator and writes rent with cents', () => {
    // A street with a comma is refused on the way in; the writer still quotes whatever it gets.
    const csv = formatUnitCsv([{ ...base, address: { ...base.address, street: 'Markt, oost' } }]);
    expect(csv).toContain('"Markt, oost"');
    expect(csv).toContain(',612.50,');
  });

  it('flags a row with more non-empty cells than there are columns, and only that row', () => {
    const csv = formatUnitCsv([base, { ...base, externalRef: 'WM-2' }]).trimEnd();
    const [header, first, second] = csv.split('\n');
    const rows = parseUnitCsv([header, `${first},surplus`, `${second},`].join('\n'), 10);
    expect(rows.map((row) => row.extraCells)).toEqual([true, false]);
    expect(rows[0]!.value).not.toHaveProperty('surplus');
  });
});

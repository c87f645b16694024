/** Valid bodies for the registry's endpoints, built on a test region; tests vary one field. */
import type { TestRegion } from './factories';

let sequence = 0;
// Unique per test process (each has its own database). No random letters or digit runs: those
// could spell a marker word (`dx`) or a BSN (elfproef) and be refused as identifying, at random.
export const nextRef = (prefix: string) => `${prefix}-W${process.pid}-N${++sequence}`;

export function unitBody(
  region: TestRegion,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const municipality = region.municipalities[0]!;
  return {
    externalRef: nextRef('U'),
    type: 'contingent',
    address: {
      street: 'Kerkstraat',
      houseNumber: '12A',
      postcode: '5911 AB',
      municipalityCode: municipality.code,
    },
    neighbourhoodCode: municipality.neighbourhoods[0],
    location: { lat: municipality.lat + 0.005, lon: municipality.lon + 0.005 },
    rent: 725.5,
    bedrooms: 2,
    floor: 0,
    hasLift: false,
    wheelchairAccessible: false,
    stimulus: 'low',
    furnished: false,
    availableFrom: '2026-12-01',
    contingentYear: 2026,
    ...overrides,
  };
}

export function clientBody(
  region: TestRegion,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const [first, second] = region.municipalities;
  return {
    externalRef: nextRef('C'),
    targetGroup: 'bw',
    household: { adults: 1, children: 0 },
    maxRent: 650,
    municipalityOfBelonging: first!.code,
    preferredMunicipalities: [first!.code],
    anchors: [{ kind: 'family', lat: first!.lat + 0.0123, lon: first!.lon - 0.0049 }],
    avoidMunicipalities: second ? [second.code] : [],
    stimulusNeed: 'preferred',
    support: { intensity: 'regular' },
    needs: { groundFloorOrLift: false, wheelchair: false },
    routes: ['contingent', 'doorstroom'],
    readySince: '2026-06-01',
    urgent: false,
    consent: { givenOn: '2026-06-15', scope: 'matching' },
    ...overrides,
  };
}

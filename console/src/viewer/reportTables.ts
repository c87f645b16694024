import type { Schemas } from '../api/client';

export type ReportOverview = Schemas['ReportOverview'];
export type TableKey = keyof ReportOverview['tables'];
export type ReportRow = ReportOverview['tables'][TableKey][number];

export interface Column {
  key: string;
  label: string;
  /** `share`: a fraction as a percentage; `plain`: a number as it is (a year). */
  as?: 'share' | 'plain';
}

export interface TableDefinition {
  key: TableKey;
  /** The CSV's name: `/api/v1/reports/{csv}.csv`. */
  csv: string;
  title: string;
  explanation: string;
  columns: Column[];
  /** The column a bar chart of this table shows per row, when it has one. */
  chart?: string;
}

const place: Column[] = [
  { key: 'municipalityCode', label: 'Gemeente' },
  { key: 'targetGroup', label: 'Doelgroep' },
];

/** Every table of the overview, in the order docs/reports.md defines them, with Dutch headings. */
export const REPORT_TABLES: TableDefinition[] = [
  {
    key: 'waiting',
    csv: 'waiting',
    title: 'Wachtend',
    explanation:
      'Cliënten die aan het eind van de periode wachten, naar wachttijd sinds ze klaar zijn voor uitstroom.',
    chart: 'total',
    columns: [
      ...place,
      { key: 'under3Months', label: '< 3 mnd' },
      { key: 'months3To6', label: '3–6 mnd' },
      { key: 'months6To12', label: '6–12 mnd' },
      { key: 'over12Months', label: '≥ 12 mnd' },
      { key: 'total', label: 'Totaal' },
    ],
  },
  {
    key: 'instroom',
    csv: 'instroom',
    title: 'Instroom',
    explanation: 'Cliënten aangemeld in de periode.',
    chart: 'registered',
    columns: [...place, { key: 'registered', label: 'Aangemeld' }],
  },
  {
    key: 'placements',
    csv: 'placements',
    title: 'Uitstroom',
    explanation: 'Plaatsingen waarvan het huurcontract in de periode inging, naar soort woning.',
    chart: 'total',
    columns: [
      ...place,
      { key: 'contingent', label: 'Contingent' },
      { key: 'omklap', label: 'Omklap' },
      { key: 'skaeveHuis', label: 'Skaeve Huse' },
      { key: 'doorstroom', label: 'Doorstroom' },
      { key: 'total', label: 'Totaal' },
    ],
  },
  {
    key: 'timeToPlacement',
    csv: 'time-to-placement',
    title: 'Doorlooptijd',
    explanation: 'Dagen van klaar voor uitstroom tot de ingang van het huurcontract.',
    columns: [
      ...place,
      { key: 'placed', label: 'Geplaatst' },
      { key: 'medianDays', label: 'Mediaan (dagen)' },
      { key: 'p90Days', label: '90% binnen (dagen)' },
    ],
  },
  {
    key: 'placementChanges',
    csv: 'placement-changes',
    title: 'Wijzigingen in huurcontracten',
    explanation:
      'Omklap, verlenging, terugklap, terug naar wachtend, doorstroom en beëindigde huur in de periode.',
    columns: [
      ...place,
      { key: 'omklapFlipped', label: 'Omgeklapt' },
      { key: 'omklapExtended', label: 'Verlengd' },
      { key: 'terugklap', label: 'Terugklap' },
      { key: 'returnedToWaiting', label: 'Terug naar wachtend' },
      { key: 'doorstroomMovingOn', label: 'Doorstroom: zoekt verder' },
      { key: 'doorstroomMovedOn', label: 'Doorstroom: verhuisd' },
      { key: 'ended', label: 'Beëindigd' },
    ],
  },
  {
    key: 'followUp',
    csv: 'follow-up',
    title: 'Nazorg',
    explanation:
      'Nazorggesprekken 3, 6 en 12 maanden na de ingang van het huurcontract die in de periode aan de beurt waren.',
    columns: [
      ...place,
      { key: 'months', label: 'Maanden' },
      { key: 'stablyHoused', label: 'Stabiel gehuisvest' },
      { key: 'notStablyHoused', label: 'Niet stabiel' },
      { key: 'notRecorded', label: 'Niet vastgelegd' },
      { key: 'due', label: 'Aan de beurt' },
      { key: 'stablyHousedShare', label: 'Aandeel stabiel', as: 'share' },
    ],
  },
  {
    key: 'proposals',
    csv: 'proposals',
    title: 'Voorstellen',
    explanation: 'Voorstellen gedaan in de periode, naar wat ervan werd.',
    columns: [
      ...place,
      { key: 'proposed', label: 'Voorgesteld' },
      { key: 'approved', label: 'Voorgedragen' },
      { key: 'accepted', label: 'Geaccepteerd' },
      { key: 'placed', label: 'Geplaatst' },
      { key: 'rejected', label: 'Afgewezen' },
      { key: 'declined', label: 'Geweigerd' },
      { key: 'cancelled', label: 'Ingetrokken' },
      { key: 'expired', label: 'Verlopen' },
      { key: 'total', label: 'Totaal' },
    ],
  },
  {
    key: 'declines',
    csv: 'declines',
    title: 'Afwijzingen en weigeringen',
    explanation: 'Hoe voorstellen in de periode eindigden, naar partij en reden.',
    columns: [
      ...place,
      { key: 'action', label: 'Wat' },
      { key: 'party', label: 'Partij' },
      { key: 'reason', label: 'Reden' },
      { key: 'count', label: 'Aantal' },
    ],
  },
  {
    key: 'contingents',
    csv: 'contingents',
    title: 'Contingenten',
    explanation: 'Toegezegde woningen per corporatie tegen plaatsingen in die woningen.',
    columns: [
      { key: 'year', label: 'Jaar', as: 'plain' },
      { key: 'municipalityCode', label: 'Gemeente' },
      { key: 'corporationName', label: 'Corporatie' },
      { key: 'pledged', label: 'Toegezegd' },
      { key: 'placed', label: 'Geplaatst' },
    ],
  },
  {
    key: 'neighbourhoodLoad',
    csv: 'neighbourhood-load',
    title: 'Spreiding over wijken',
    explanation:
      'Belasting per wijk nu (open voorstellen en recente plaatsingen) tegen het maximum.',
    columns: [
      { key: 'municipalityCode', label: 'Gemeente' },
      { key: 'neighbourhoodCode', label: 'Wijk' },
      { key: 'load', label: 'Belasting' },
      { key: 'cap', label: 'Maximum' },
    ],
  },
  {
    key: 'runs',
    csv: 'runs',
    title: 'Matchingsrondes',
    explanation:
      'De optimale toewijzing tegen wie-het-eerst-komt (hele regio; niet voor een gemeente).',
    columns: [
      { key: 'regionCode', label: 'Regio' },
      { key: 'runs', label: 'Rondes' },
      { key: 'assigned', label: 'Toegewezen' },
      { key: 'greedyAssigned', label: 'Toegewezen (greedy)' },
      { key: 'gain', label: 'Winst' },
      { key: 'gainPercent', label: 'Winst (%)' },
    ],
  },
];

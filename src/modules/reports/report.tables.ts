/**
 * The report's tables: their names, their stable column order (the CSV's header, documented in
 * docs/reports.md), and which columns are counts of people and how they relate (what the
 * small-number protection works on). Pure data.
 */

export const REPORT_TABLES = [
  'waiting',
  'instroom',
  'placements',
  'time-to-placement',
  'placement-changes',
  'follow-up',
  'proposals',
  'declines',
  'contingents',
  'neighbourhood-load',
  'runs',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export interface TableSpec {
  /** The key of the table in the overview's `tables`. */
  key: string;
  title: string;
  /** Every column, in the order of the CSV. */
  columns: readonly string[];
  /**
   * The counts of people, as lines: `parts` and, if published, their sum `total`. Columns not in a
   * line are codes, names, numbers that count no one (a pledge, a cap) or statistics.
   */
  lines: readonly { parts: readonly string[]; total?: string }[];
  /** Statistics that describe the people of counts: cleared when one of those is hidden. */
  describes?: { columns: readonly string[]; counts: readonly string[] };
  /** Shown to a gemeente (viewer) at all. */
  forViewers: boolean;
}

const WAIT_BANDS = ['under3Months', 'months3To6', 'months6To12', 'over12Months'] as const;
export const PLACEMENT_TYPES = ['contingent', 'omklap', 'skaeveHuis', 'doorstroom'] as const;
export const PLACEMENT_CHANGES = [
  'omklapFlipped',
  'omklapExtended',
  'terugklap',
  'returnedToWaiting',
  'doorstroomMovingOn',
  'doorstroomMovedOn',
  'ended',
] as const;
export const CHECKIN_MONTHS = [3, 6, 12] as const;
export const PROPOSAL_OUTCOMES = [
  'proposed',
  'approved',
  'accepted',
  'placed',
  'rejected',
  'declined',
  'cancelled',
  'expired',
] as const;

export const TABLES: Record<ReportTable, TableSpec> = {
  waiting: {
    key: 'waiting',
    title: 'Clients waiting at the end of the period, by time since ready for uitstroom',
    columns: ['municipalityCode', 'targetGroup', ...WAIT_BANDS, 'total'],
    lines: [{ parts: WAIT_BANDS, total: 'total' }],
    forViewers: true,
  },
  instroom: {
    key: 'instroom',
    title: 'Clients registered in the period',
    columns: ['municipalityCode', 'targetGroup', 'registered'],
    lines: [{ parts: ['registered'] }],
    forViewers: true,
  },
  placements: {
    key: 'placements',
    title: 'Uitstroom: placements whose lease started in the period, by unit type',
    columns: ['municipalityCode', 'targetGroup', ...PLACEMENT_TYPES, 'total'],
    lines: [{ parts: PLACEMENT_TYPES, total: 'total' }],
    forViewers: true,
  },
  'time-to-placement': {
    key: 'timeToPlacement',
    title: 'Days from ready for uitstroom to the lease start, for placements in the period',
    columns: ['municipalityCode', 'targetGroup', 'placed', 'medianDays', 'p90Days'],
    lines: [{ parts: ['placed'] }],
    describes: { columns: ['medianDays', 'p90Days'], counts: ['placed'] },
    forViewers: true,
  },
  'placement-changes': {
    key: 'placementChanges',
    title:
      'Changes to tenancies in the period: omklap flips, extensions and terugklap, returns to waiting, doorstroom moving on and moves, ended tenancies',
    columns: ['municipalityCode', 'targetGroup', ...PLACEMENT_CHANGES],
    lines: PLACEMENT_CHANGES.map((column) => ({ parts: [column] })),
    forViewers: true,
  },
  'follow-up': {
    key: 'followUp',
    title:
      'Follow-up check-ins due in the period, 3, 6 and 12 months after the lease start: stably housed, not, not yet recorded',
    columns: [
      'municipalityCode',
      'targetGroup',
      'months',
      'stablyHoused',
      'notStablyHoused',
      'notRecorded',
      'due',
      'stablyHousedShare',
    ],
    lines: [{ parts: ['stablyHoused', 'notStablyHoused', 'notRecorded'], total: 'due' }],
    describes: { columns: ['stablyHousedShare'], counts: ['stablyHoused', 'notStablyHoused'] },
    forViewers: true,
  },
  proposals: {
    key: 'proposals',
    title: 'Proposals made in the period, by what became of them',
    columns: ['municipalityCode', 'targetGroup', ...PROPOSAL_OUTCOMES, 'total'],
    lines: [{ parts: PROPOSAL_OUTCOMES, total: 'total' }],
    forViewers: true,
  },
  declines: {
    key: 'declines',
    title: 'Rejections, declines, cancellations and expiries in the period, by party and reason',
    columns: ['municipalityCode', 'targetGroup', 'action', 'party', 'reason', 'count'],
    lines: [{ parts: ['count'] }],
    forViewers: true,
  },
  contingents: {
    key: 'contingents',
    title: 'Contingent pledges of the years in the period against placements in pledged homes',
    columns: ['year', 'municipalityCode', 'corporationId', 'corporationName', 'pledged', 'placed'],
    lines: [{ parts: ['placed'] }],
    forViewers: true,
  },
  'neighbourhood-load': {
    key: 'neighbourhoodLoad',
    title:
      'Load per neighbourhood now (open proposals and placements in the cap window) and its cap',
    columns: ['municipalityCode', 'neighbourhoodCode', 'load', 'cap'],
    lines: [{ parts: ['load'] }],
    forViewers: true,
  },
  runs: {
    key: 'runs',
    title: 'Matching runs finished in the period: the optimal assignment against greedy',
    columns: [
      'regionCode',
      'runs',
      'assigned',
      'greedyAssigned',
      'objective',
      'greedyObjective',
      'gain',
      'gainPercent',
    ],
    lines: [],
    forViewers: false,
  },
};

export type ReportRow = Record<string, string | number | null>;

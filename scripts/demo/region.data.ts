/**
 * The demo region's fixed reference data: Noord- en Midden-Limburg's 14 municipalities (CBS codes,
 * approximate centroids), a realistic set of kernen and wijken for each, and the fictional
 * organisations that work there. Kept as TypeScript, not read from a file, so the compiled seed in
 * the Docker image needs nothing beside `dist/`; a spec checks the municipalities against
 * `data/noord-midden-limburg-municipalities.csv`.
 */
import type { OrganisationKind } from '../../src/shared/auth/actor';
import type { TargetGroup } from '../../src/shared/domain/vocabulary';

export const DEMO_REGION = { code: 'noord-midden-limburg', name: 'Noord- en Midden-Limburg' };

export const POINTS = ['Transferpunt Noord-Limburg', 'Matchingspunt Midden-Limburg'] as const;
export type PointName = (typeof POINTS)[number];

export interface DemoMunicipality {
  code: string;
  name: string;
  point: PointName;
  lat: number;
  lon: number;
}

/** Exactly the rows of `data/noord-midden-limburg-municipalities.csv`. */
export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
  { code: 'GM0983', name: 'Venlo', point: 'Transferpunt Noord-Limburg', lat: 51.37, lon: 6.172 },
  { code: 'GM0984', name: 'Venray', point: 'Transferpunt Noord-Limburg', lat: 51.526, lon: 5.975 },
  {
    code: 'GM1507',
    name: 'Horst aan de Maas',
    point: 'Transferpunt Noord-Limburg',
    lat: 51.454,
    lon: 6.052,
  },
  {
    code: 'GM1894',
    name: 'Peel en Maas',
    point: 'Transferpunt Noord-Limburg',
    lat: 51.33,
    lon: 5.978,
  },
  { code: 'GM0889', name: 'Beesel', point: 'Transferpunt Noord-Limburg', lat: 51.276, lon: 6.06 },
  {
    code: 'GM0893',
    name: 'Bergen (L.)',
    point: 'Transferpunt Noord-Limburg',
    lat: 51.6,
    lon: 6.034,
  },
  { code: 'GM0907', name: 'Gennep', point: 'Transferpunt Noord-Limburg', lat: 51.698, lon: 5.973 },
  {
    code: 'GM0957',
    name: 'Roermond',
    point: 'Matchingspunt Midden-Limburg',
    lat: 51.194,
    lon: 5.987,
  },
  { code: 'GM0988', name: 'Weert', point: 'Matchingspunt Midden-Limburg', lat: 51.252, lon: 5.706 },
  {
    code: 'GM0946',
    name: 'Nederweert',
    point: 'Matchingspunt Midden-Limburg',
    lat: 51.286,
    lon: 5.748,
  },
  { code: 'GM1640', name: 'Leudal', point: 'Matchingspunt Midden-Limburg', lat: 51.25, lon: 5.89 },
  {
    code: 'GM1641',
    name: 'Maasgouw',
    point: 'Matchingspunt Midden-Limburg',
    lat: 51.158,
    lon: 5.89,
  },
  {
    code: 'GM1669',
    name: 'Roerdalen',
    point: 'Matchingspunt Midden-Limburg',
    lat: 51.15,
    lon: 6.06,
  },
  {
    code: 'GM1711',
    name: 'Echt-Susteren',
    point: 'Matchingspunt Midden-Limburg',
    lat: 51.103,
    lon: 5.872,
  },
];

/**
 * Roughly how many thousand people live in each municipality: spreads the demo's homes and clients
 * the way a real region's would be spread (Venlo and Roermond large, Beesel and Bergen small).
 */
export const INHABITANTS_THOUSANDS: Readonly<Record<string, number>> = {
  GM0983: 102,
  GM0984: 44,
  GM1507: 43,
  GM1894: 44,
  GM0889: 13,
  GM0893: 13,
  GM0907: 17,
  GM0957: 59,
  GM0988: 50,
  GM0946: 17,
  GM1640: 36,
  GM1641: 24,
  GM1669: 21,
  GM1711: 32,
};

/** A kern or wijk: name, approximate centroid and its 4-digit postcode area. Centre first. */
type Kern = readonly [name: string, lat: number, lon: number, postcode: string];

const KERNEN: Readonly<Record<string, readonly Kern[]>> = {
  GM0983: [
    ['Binnenstad', 51.3705, 6.1705, '5911'],
    ['Venlo-Oost', 51.3735, 6.1855, '5912'],
    ['Venlo-Zuid', 51.3555, 6.1715, '5921'],
    ['Venlo-Noord', 51.3855, 6.1655, '5923'],
    ['Blerick', 51.3665, 6.1445, '5913'],
    ['Hout-Blerick', 51.3555, 6.1255, '5916'],
    ['Tegelen', 51.3445, 6.1375, '5931'],
    ['Steyl', 51.3325, 6.1215, '5935'],
    ['Belfeld', 51.3135, 6.1155, '5951'],
    ['Velden', 51.4145, 6.1695, '5941'],
    ['Arcen', 51.4765, 6.1805, '5944'],
  ],
  GM0984: [
    ['Venray-Centrum', 51.5265, 5.9745, '5801'],
    ['Brukske', 51.5195, 5.9615, '5802'],
    ['Landweert', 51.5355, 5.9855, '5803'],
    ['Oostrum', 51.5455, 6.0155, '5807'],
    ['Ysselsteyn', 51.4905, 5.8955, '5813'],
    ['Merselo', 51.5195, 5.9205, '5815'],
    ['Wanssum', 51.5355, 6.0755, '5861'],
  ],
  GM1507: [
    ['Horst', 51.4545, 6.0515, '5961'],
    ['Sevenum', 51.4105, 6.0355, '5975'],
    ['America', 51.4365, 5.9805, '5966'],
    ['Grubbenvorst', 51.4205, 6.1455, '5971'],
    ['Hegelsom', 51.4405, 6.0305, '5963'],
    ['Meterik', 51.4665, 6.0305, '5964'],
    ['Broekhuizenvorst', 51.4965, 6.1555, '5871'],
  ],
  GM1894: [
    ['Panningen', 51.3305, 5.9795, '5981'],
    ['Helden', 51.3195, 5.9955, '5988'],
    ['Beringe', 51.3355, 5.9505, '5986'],
    ['Maasbree', 51.3575, 6.0455, '5993'],
    ['Baarlo', 51.3315, 6.0955, '5991'],
    ['Kessel', 51.2925, 6.0525, '5995'],
    ['Meijel', 51.3445, 5.8855, '5768'],
  ],
  GM0889: [
    ['Reuver', 51.2835, 6.0785, '5953'],
    ['Beesel', 51.2685, 6.0405, '5954'],
    ['Offenbeek', 51.2855, 6.0945, '5953'],
  ],
  GM0893: [
    ['Nieuw-Bergen', 51.6005, 6.0555, '5854'],
    ['Afferden', 51.6405, 6.0405, '5851'],
    ['Siebengewald', 51.6655, 6.0905, '5853'],
    ['Well', 51.5555, 6.0905, '5855'],
    ['Wellerlooi', 51.5405, 6.1205, '5856'],
  ],
  GM0907: [
    ['Gennep-Centrum', 51.6985, 5.9735, '6591'],
    ['Gennep-Zuid', 51.6895, 5.9755, '6592'],
    ['Ottersum', 51.7055, 5.9855, '6595'],
    ['Milsbeek', 51.7255, 5.9455, '6596'],
    ['Heijen', 51.6755, 5.9805, '6598'],
  ],
  GM0957: [
    ['Binnenstad', 51.1945, 5.9875, '6041'],
    ["Kapel in 't Zand", 51.2005, 6.0055, '6042'],
    ['Donderberg', 51.1855, 5.9955, '6045'],
    ['Maasniel', 51.1975, 6.0155, '6043'],
    ['Voorstad Sint Jacob', 51.1875, 5.9815, '6044'],
    ['Roermond-Oost', 51.1905, 6.0255, '6043'],
    ['Herten', 51.1785, 5.9655, '6049'],
    ['Asselt', 51.2335, 6.0155, '6071'],
    ['Swalmen', 51.2305, 6.0355, '6071'],
  ],
  GM0988: [
    ['Binnenstad', 51.2515, 5.7075, '6001'],
    ['Fatima', 51.2605, 5.6905, '6002'],
    ['Groenewoud', 51.2455, 5.6905, '6004'],
    ['Keent', 51.2405, 5.7155, '6006'],
    ['Leuken', 51.2625, 5.7255, '6005'],
    ['Boshoven', 51.2665, 5.6955, '6003'],
    ['Moesel', 51.2555, 5.7205, '6006'],
    ['Stramproy', 51.1955, 5.7205, '6039'],
    ['Altweerterheide', 51.2255, 5.6505, '6003'],
  ],
  GM0946: [
    ['Nederweert', 51.2865, 5.7485, '6031'],
    ['Budschop', 51.2835, 5.7605, '6031'],
    ['Ospel', 51.3005, 5.7905, '6035'],
    ['Nederweert-Eind', 51.2805, 5.8005, '6034'],
    ['Leveroy', 51.2505, 5.8405, '6091'],
  ],
  GM1640: [
    ['Heythuysen', 51.2525, 5.9005, '6093'],
    ['Haelen', 51.2355, 5.9555, '6081'],
    ['Horn', 51.2105, 5.9455, '6085'],
    ['Roggel', 51.2655, 5.9255, '6088'],
    ['Baexem', 51.2205, 5.8805, '6095'],
    ['Hunsel', 51.1905, 5.8155, '6013'],
    ['Neer', 51.2555, 5.9905, '6086'],
    ['Grathem', 51.1955, 5.8655, '6096'],
  ],
  GM1641: [
    ['Maasbracht', 51.1505, 5.8905, '6051'],
    ['Thorn', 51.1605, 5.8405, '6017'],
    ['Wessem', 51.1605, 5.8805, '6019'],
    ['Linne', 51.1605, 5.9405, '6067'],
    ['Stevensweert', 51.1305, 5.8455, '6107'],
    ['Beegden', 51.1855, 5.9205, '6099'],
    ['Heel', 51.1805, 5.8955, '6097'],
  ],
  GM1669: [
    ['Sint Odiliënberg', 51.1435, 6.0005, '6077'],
    ['Melick', 51.1655, 6.0155, '6074'],
    ['Herkenbosch', 51.1555, 6.0605, '6075'],
    ['Posterholt', 51.1205, 6.0405, '6061'],
    ['Vlodrop', 51.1305, 6.0805, '6063'],
    ['Montfort', 51.1255, 5.9505, '6065'],
  ],
  GM1711: [
    ['Echt-Centrum', 51.1055, 5.8755, '6101'],
    ['Echt-Oost', 51.1055, 5.8905, '6102'],
    ['Susteren', 51.0655, 5.8605, '6114'],
    ['Pey', 51.0955, 5.9155, '6105'],
    ['Koningsbosch', 51.0505, 5.9605, '6104'],
    ['Nieuwstadt', 51.0405, 5.8605, '6118'],
    ['Roosteren', 51.0805, 5.8205, '6116'],
    ['Dieteren', 51.0855, 5.8505, '6112'],
  ],
};

export interface DemoNeighbourhood {
  code: string;
  name: string;
  municipalityCode: string;
  lat: number;
  lon: number;
  /** The 4-digit part of the postcodes of homes here. */
  postcodeArea: string;
  /** The kern's centre or a city centre: busier, so fewer low-stimulus homes. */
  central: boolean;
}

/**
 * CBS-style buurt codes: `BU` + the municipality's 4 digits + wijk (2 digits) + buurt `00`, so
 * BU0983xxxx lies in GM0983 as the reference service requires.
 */
export const DEMO_NEIGHBOURHOODS: readonly DemoNeighbourhood[] = DEMO_MUNICIPALITIES.flatMap(
  (municipality) =>
    (KERNEN[municipality.code] ?? []).map(([name, lat, lon, postcodeArea], index) => ({
      code: `BU${municipality.code.slice(2)}${String(index + 1).padStart(2, '0')}00`,
      name,
      municipalityCode: municipality.code,
      lat,
      lon,
      postcodeArea,
      central: index === 0,
    })),
);

/** Generic Dutch street names: plausible anywhere in Limburg, and pointing at no one. */
export const STREETS: readonly string[] = [
  'Kerkstraat',
  'Molenstraat',
  'Schoolstraat',
  'Dorpstraat',
  'Stationsstraat',
  'Nieuwstraat',
  'Maasstraat',
  'Julianastraat',
  'Wilhelminastraat',
  'Beatrixstraat',
  'Irenestraat',
  'Prins Bernhardstraat',
  'Lindelaan',
  'Eikenlaan',
  'Beukenlaan',
  'Kastanjelaan',
  'Berkenlaan',
  'Populierenstraat',
  'Wilgenstraat',
  'Meidoornstraat',
  'Hoogstraat',
  'Veldstraat',
  'Brugstraat',
  'Parallelweg',
  'Kloosterstraat',
  'Pastoor de Leeuwstraat',
  'Sint Jozefstraat',
  'Mgr. Nolensplein',
  'Rozenstraat',
  'Tulpstraat',
  'Goudsbloemstraat',
  'Vlasstraat',
  'Beekstraat',
  'Merelstraat',
  'Lijsterstraat',
  'Spoorstraat',
  'Zandstraat',
  'Kapelstraat',
  'Burgemeester Gubbelsstraat',
  'Vossenhof',
];

/** Where Skaeve Huse stand: lanes on the edge of a built-up area. */
export const EDGE_LANES: readonly string[] = [
  'Heideweg',
  'Broekweg',
  'Peelweg',
  'Koeweideweg',
  'Bosrand',
  'Veenweg',
];

export type DemoOrganisationKind = Exclude<OrganisationKind, 'platform'>;

interface OrganisationBase {
  /** Lower-case, dashes: names the demo token. */
  slug: string;
  name: string;
}

export interface DemoPoint extends OrganisationBase {
  kind: 'matchingspunt';
}

export interface DemoGemeente extends OrganisationBase {
  kind: 'gemeente';
  municipalityCode: string;
}

export interface DemoCorporation extends OrganisationBase {
  kind: 'corporatie';
  /** externalRefs are `<prefix>-U-0001`… */
  refPrefix: string;
  municipalityCodes: readonly string[];
  units: number;
  /** Skaeve Huse clusters: municipality and size (at most 6). */
  clusters: readonly { municipalityCode: string; size: number }[];
}

export interface DemoProvider extends OrganisationBase {
  kind: 'zorgaanbieder' | 'welzijnsaanbieder';
  /** externalRefs are `<prefix>-C-0001`… */
  refPrefix: string;
  municipalityCodes: readonly string[];
  clients: number;
  targetGroups: readonly (readonly [TargetGroup, number])[];
  /** Share of its clients whose ambulant support another provider gives, and which. */
  supportBy?: { slug: string; share: number };
}

export type DemoOrganisation = DemoPoint | DemoGemeente | DemoCorporation | DemoProvider;

const NOORD = DEMO_MUNICIPALITIES.filter((m) => m.point === 'Transferpunt Noord-Limburg').map(
  (m) => m.code,
);
const ALL = DEMO_MUNICIPALITIES.map((m) => m.code);

/** Fictional organisations: any likeness to a real one's name is unintended. */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { slug: 'transferpunt-noord-limburg', name: 'Transferpunt Noord-Limburg', kind: 'matchingspunt' },
  {
    slug: 'matchingspunt-midden-limburg',
    name: 'Matchingspunt Midden-Limburg',
    kind: 'matchingspunt',
  },
  {
    slug: 'woonstichting-maasdal',
    name: 'Woonstichting Maasdal',
    kind: 'corporatie',
    refPrefix: 'WM',
    municipalityCodes: ['GM0983', 'GM0889', 'GM1894'],
    units: 90,
    clusters: [
      { municipalityCode: 'GM0983', size: 6 },
      { municipalityCode: 'GM1894', size: 4 },
    ],
  },
  {
    slug: 'woongoed-peelrand',
    name: 'Woongoed Peelrand',
    kind: 'corporatie',
    refPrefix: 'WGP',
    municipalityCodes: ['GM0984', 'GM1507', 'GM0893', 'GM0907', 'GM1894'],
    units: 75,
    clusters: [{ municipalityCode: 'GM0984', size: 5 }],
  },
  {
    slug: 'wonen-roerstreek',
    name: 'Wonen Roerstreek',
    kind: 'corporatie',
    refPrefix: 'WRS',
    municipalityCodes: ['GM0957', 'GM1669', 'GM1711', 'GM1641', 'GM1640'],
    units: 80,
    clusters: [
      { municipalityCode: 'GM0957', size: 6 },
      { municipalityCode: 'GM1711', size: 4 },
    ],
  },
  {
    slug: 'woonkracht-weerterland',
    name: 'Woonkracht Weerterland',
    kind: 'corporatie',
    refPrefix: 'WKW',
    municipalityCodes: ['GM0988', 'GM0946', 'GM1640'],
    units: 55,
    clusters: [{ municipalityCode: 'GM0988', size: 5 }],
  },
  {
    slug: 'zorggroep-de-brug',
    name: 'Zorggroep De Brug',
    kind: 'zorgaanbieder',
    refPrefix: 'ZDB',
    municipalityCodes: ALL,
    clients: 260,
    targetGroups: [
      ['bw', 72],
      ['mo', 8],
      ['other', 20],
    ],
  },
  {
    slug: 'begeleid-wonen-maas-en-peel',
    name: 'Begeleid Wonen Maas & Peel',
    kind: 'zorgaanbieder',
    refPrefix: 'BWMP',
    municipalityCodes: NOORD,
    clients: 170,
    targetGroups: [
      ['bw', 78],
      ['other', 22],
    ],
  },
  {
    slug: 'stichting-opvang-noord-limburg',
    name: 'Stichting Opvang Noord-Limburg',
    kind: 'welzijnsaanbieder',
    refPrefix: 'SONL',
    municipalityCodes: NOORD,
    clients: 230,
    targetGroups: [
      ['mo', 85],
      ['other', 15],
    ],
  },
  {
    slug: 'vrouwenopvang-het-anker',
    name: 'Vrouwenopvang Het Anker',
    kind: 'welzijnsaanbieder',
    refPrefix: 'VHA',
    municipalityCodes: ALL,
    clients: 140,
    targetGroups: [
      ['vo', 95],
      ['other', 5],
    ],
    // Women's shelters often hand ambulant support over to a care provider after the move.
    supportBy: { slug: 'zorggroep-de-brug', share: 0.3 },
  },
  { slug: 'gemeente-venlo', name: 'Gemeente Venlo', kind: 'gemeente', municipalityCode: 'GM0983' },
  {
    slug: 'gemeente-roermond',
    name: 'Gemeente Roermond',
    kind: 'gemeente',
    municipalityCode: 'GM0957',
  },
  { slug: 'gemeente-weert', name: 'Gemeente Weert', kind: 'gemeente', municipalityCode: 'GM0988' },
];

/** The municipalities an organisation is registered with (a point's or a gemeente's own). */
export function registeredMunicipalities(organisation: DemoOrganisation): string[] {
  switch (organisation.kind) {
    case 'matchingspunt':
      return DEMO_MUNICIPALITIES.filter((m) => m.point === organisation.name).map((m) => m.code);
    case 'gemeente':
      return [organisation.municipalityCode];
    case 'corporatie':
    case 'zorgaanbieder':
    case 'welzijnsaanbieder':
      return [];
  }
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type InputHTMLAttributes, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { ApiProblem, must, type Schemas } from '../api/client';
import { ifMatch, type Unit, useMunicipalities, useUnit } from '../api/queries';
import { useSession } from '../session/session';
import { Checkbox, Choice, TextInput } from '../ui/controls';
import { Loading, ProblemMessage, QueryError } from '../ui/Field';
import { label, STIMULUS_LABELS, UNIT_STATUS_LABELS, UNIT_TYPE_LABELS } from '../ui/labels';

type Values = Record<string, string | boolean>;

const EMPTY: Values = {
  externalRef: '',
  type: 'contingent',
  street: '',
  houseNumber: '',
  postcode: '',
  municipalityCode: '',
  neighbourhoodCode: '',
  lat: '',
  lon: '',
  rent: '',
  serviceCosts: '0',
  bedrooms: '1',
  floor: '0',
  hasLift: false,
  wheelchairAccessible: false,
  stimulus: 'medium',
  furnished: false,
  petsAllowed: false,
  selfContained: true,
  seniorOnly: false,
  availableFrom: '',
  contingentYear: String(new Date().getFullYear()),
  reviewAfterMonths: '12',
  maxStayMonths: '12',
  clusterId: '',
};

function valuesOf(unit: Unit): Values {
  return {
    ...EMPTY,
    externalRef: unit.externalRef,
    type: unit.type,
    ...unit.address,
    neighbourhoodCode: unit.neighbourhoodCode,
    lat: String(unit.location.lat),
    lon: String(unit.location.lon),
    rent: String(unit.rent),
    serviceCosts: String(unit.serviceCosts),
    bedrooms: String(unit.bedrooms),
    floor: String(unit.floor),
    hasLift: unit.hasLift,
    wheelchairAccessible: unit.wheelchairAccessible,
    stimulus: unit.stimulus,
    furnished: unit.furnished,
    petsAllowed: unit.petsAllowed,
    selfContained: unit.selfContained,
    seniorOnly: unit.seniorOnly,
    availableFrom: unit.availableFrom,
    contingentYear: String(unit.contingentYear ?? EMPTY.contingentYear),
    reviewAfterMonths: String(unit.omklap?.reviewAfterMonths ?? EMPTY.reviewAfterMonths),
    maxStayMonths: String(unit.doorstroom?.maxStayMonths ?? EMPTY.maxStayMonths),
    clusterId: unit.clusterId ?? '',
  };
}

/** The request body: numbers as numbers, and only the fields of the home's type. */
export function unitBodyOf(values: Values): Schemas['CreateUnit'] {
  const text = (key: string) => String(values[key]).trim();
  const number = (key: string) => (text(key) === '' ? Number.NaN : Number(text(key)));
  const type = text('type') as Schemas['CreateUnit']['type'];
  return {
    externalRef: text('externalRef'),
    type,
    address: {
      street: text('street'),
      houseNumber: text('houseNumber'),
      postcode: text('postcode'),
      municipalityCode: text('municipalityCode'),
    },
    neighbourhoodCode: text('neighbourhoodCode'),
    location: { lat: number('lat'), lon: number('lon') },
    rent: number('rent'),
    serviceCosts: number('serviceCosts'),
    bedrooms: number('bedrooms'),
    floor: number('floor'),
    hasLift: values.hasLift === true,
    wheelchairAccessible: values.wheelchairAccessible === true,
    stimulus: text('stimulus') as Schemas['CreateUnit']['stimulus'],
    furnished: values.furnished === true,
    petsAllowed: values.petsAllowed === true,
    selfContained: values.selfContained === true,
    seniorOnly: values.seniorOnly === true,
    availableFrom: text('availableFrom'),
    ...(type === 'contingent' ? { contingentYear: number('contingentYear') } : {}),
    ...(type === 'omklap' ? { omklap: { reviewAfterMonths: number('reviewAfterMonths') } } : {}),
    ...(type === 'doorstroom' ? { doorstroom: { maxStayMonths: number('maxStayMonths') } } : {}),
    ...(type === 'skaeve_huis' && text('clusterId') !== '' ? { clusterId: text('clusterId') } : {}),
  };
}

/** Add a home, or edit one (`/woningen/:id`), with every refused field marked. */
export function UnitForm() {
  const { id } = useParams();
  const unit = useUnit(id);
  if (id === undefined) return <UnitFormBody />;
  if (unit.isPending) return <Loading what="Woning" />;
  if (unit.isError) return <QueryError error={unit.error} />;
  return <UnitFormBody unit={unit.data} key={unit.data.version} />;
}

function UnitFormBody(props: { unit?: Unit }) {
  const { api } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useMunicipalities();
  const [values, setValues] = useState<Values>(props.unit ? valuesOf(props.unit) : EMPTY);
  const municipalityCode = String(values.municipalityCode);
  const neighbourhoods = useQuery({
    queryKey: ['neighbourhoods', municipalityCode],
    enabled: municipalityCode !== '',
    queryFn: async () =>
      must(await api.GET('/api/v1/neighbourhoods', { params: { query: { municipalityCode } } })),
  });
  const save = useMutation({
    mutationFn: async () => {
      const body = unitBodyOf(values);
      if (!props.unit) return must(await api.POST('/api/v1/units', { body }));
      return must(
        await api.PATCH('/api/v1/units/{id}', {
          params: { path: { id: props.unit.id } },
          headers: ifMatch(props.unit.version),
          body,
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      await queryClient.invalidateQueries({ queryKey: ['unit'] });
      await navigate('/woningen');
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const set = (key: string, value: string | boolean) => {
    setValues({ ...values, [key]: value });
  };
  const input = (
    key: string,
    labelText: string,
    path: string,
    extra: InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <TextInput
      label={labelText}
      name={path}
      problem={problem}
      hint={hint}
      input={extra}
      value={String(values[key])}
      onChange={(value) => {
        set(key, value);
      }}
    />
  );
  const checkbox = (key: string, labelText: string) => (
    <Checkbox
      label={labelText}
      name={key}
      problem={problem}
      checked={values[key] === true}
      onChange={(checked) => {
        set(key, checked);
      }}
    />
  );
  const type = String(values.type);
  return (
    <section>
      <p>
        <Link to="/woningen">← Terug naar de woningen</Link>
      </p>
      <h1>
        {props.unit ? `Woning ${props.unit.externalRef}` : 'Woning toevoegen'}
        {props.unit ? (
          <span className="status">{label(UNIT_STATUS_LABELS, props.unit.status)}</span>
        ) : null}
      </h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <fieldset>
          <legend>Woning</legend>
          <div className="form-grid">
            {input('externalRef', 'Eigen referentie', 'externalRef', { required: true })}
            <Choice
              label="Type"
              name="type"
              problem={problem}
              value={type}
              options={UNIT_TYPE_LABELS}
              onChange={(value) => {
                set('type', value);
              }}
            />
            {type === 'contingent'
              ? input('contingentYear', 'Contingentjaar', 'contingentYear', { type: 'number' })
              : null}
            {type === 'omklap'
              ? input(
                  'reviewAfterMonths',
                  'Omklap: beoordelen na (maanden)',
                  'omklap.reviewAfterMonths',
                  { type: 'number' },
                )
              : null}
            {type === 'doorstroom'
              ? input(
                  'maxStayMonths',
                  'Doorstroom: maximaal verblijf (maanden)',
                  'doorstroom.maxStayMonths',
                  { type: 'number' },
                )
              : null}
            {type === 'skaeve_huis' ? input('clusterId', 'Cluster', 'clusterId') : null}
            {input('availableFrom', 'Beschikbaar vanaf', 'availableFrom', {
              type: 'date',
              required: true,
            })}
          </div>
        </fieldset>
        <fieldset>
          <legend>Adres en ligging</legend>
          <div className="form-grid">
            {input('street', 'Straat', 'address.street', { required: true })}
            {input('houseNumber', 'Huisnummer', 'address.houseNumber', { required: true })}
            {input(
              'postcode',
              'Postcode',
              'address.postcode',
              { required: true },
              'Bijvoorbeeld 5911 AB.',
            )}
            <Choice
              label="Gemeente"
              name="address.municipalityCode"
              problem={problem}
              required
              placeholder="Kies een gemeente…"
              value={municipalityCode}
              options={[...(municipalities.data?.values() ?? [])].map((m) => [m.code, m.name])}
              onChange={(value) => {
                setValues({ ...values, municipalityCode: value, neighbourhoodCode: '' });
              }}
            />
            <Choice
              label="Wijk of buurt"
              name="neighbourhoodCode"
              problem={problem}
              required
              placeholder="Kies een wijk…"
              value={String(values.neighbourhoodCode)}
              options={(neighbourhoods.data?.items ?? []).map((n) => [n.code, n.name])}
              onChange={(value) => {
                set('neighbourhoodCode', value);
              }}
            />
            {input('lat', 'Breedtegraad', 'location.lat', {
              type: 'number',
              step: 'any',
              required: true,
            })}
            {input('lon', 'Lengtegraad', 'location.lon', {
              type: 'number',
              step: 'any',
              required: true,
            })}
          </div>
        </fieldset>
        <fieldset>
          <legend>Huur en kenmerken</legend>
          <div className="form-grid">
            {input('rent', 'Kale huur (€ per maand)', 'rent', {
              type: 'number',
              step: '0.01',
              required: true,
            })}
            {input('serviceCosts', 'Servicekosten (€ per maand)', 'serviceCosts', {
              type: 'number',
              step: '0.01',
            })}
            {input('bedrooms', 'Slaapkamers', 'bedrooms', { type: 'number', min: 0 })}
            {input('floor', 'Verdieping', 'floor', { type: 'number' })}
            <Choice
              label="Prikkels in de omgeving"
              name="stimulus"
              problem={problem}
              value={String(values.stimulus)}
              options={STIMULUS_LABELS}
              onChange={(value) => {
                set('stimulus', value);
              }}
            />
            {checkbox('hasLift', 'Lift')}
            {checkbox('wheelchairAccessible', 'Rolstoeltoegankelijk')}
            {checkbox('furnished', 'Gemeubileerd')}
            {checkbox('petsAllowed', 'Huisdieren toegestaan')}
            {checkbox('selfContained', 'Zelfstandige woning')}
            {checkbox('seniorOnly', 'Seniorenwoning')}
          </div>
        </fieldset>
        <ProblemMessage
          problem={save.error}
          shown={[
            'externalRef',
            'type',
            'contingentYear',
            'omklap',
            'doorstroom',
            'clusterId',
            'availableFrom',
            'address',
            'neighbourhoodCode',
            'location',
            'rent',
            'serviceCosts',
            'bedrooms',
            'floor',
            'stimulus',
            'hasLift',
            'wheelchairAccessible',
            'furnished',
            'petsAllowed',
            'selfContained',
            'seniorOnly',
          ]}
        />
        <button type="submit" disabled={save.isPending}>
          {props.unit ? 'Wijzigingen opslaan' : 'Woning toevoegen'}
        </button>
      </form>
    </section>
  );
}

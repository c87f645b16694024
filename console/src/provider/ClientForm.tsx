import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type InputHTMLAttributes, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { ApiProblem, must, type Schemas } from '../api/client';
import { type Client, ifMatch, useClient, useMunicipalities } from '../api/queries';
import { useSession } from '../session/session';
import { Checkbox, Choice, TextInput } from '../ui/controls';
import { Loading, ProblemMessage, QueryError } from '../ui/Field';
import {
  CLIENT_STATUS_LABELS,
  label,
  STIMULUS_NEED_LABELS,
  SUPPORT_LABELS,
  TARGET_GROUP_LABELS,
  UNIT_TYPE_LABELS,
} from '../ui/labels';

interface Values {
  externalRef: string;
  targetGroup: string;
  adults: string;
  children: string;
  maxRent: string;
  municipalityOfBelonging: string;
  preferredMunicipalities: string[];
  stimulusNeed: string;
  supportIntensity: string;
  groundFloorOrLift: boolean;
  wheelchair: boolean;
  pets: boolean;
  routes: string[];
  readySince: string;
  consentGivenOn: string;
  consentScope: string;
}

const EMPTY: Values = {
  externalRef: '',
  targetGroup: 'bw',
  adults: '1',
  children: '0',
  maxRent: '',
  municipalityOfBelonging: '',
  preferredMunicipalities: [],
  stimulusNeed: 'none',
  supportIntensity: 'regular',
  groundFloorOrLift: false,
  wheelchair: false,
  pets: false,
  routes: ['contingent'],
  readySince: '',
  consentGivenOn: '',
  consentScope: 'matching',
};

function valuesOf(client: Client): Values {
  return {
    externalRef: client.externalRef,
    targetGroup: client.targetGroup,
    adults: String(client.household.adults),
    children: String(client.household.children),
    maxRent: String(client.maxRent),
    municipalityOfBelonging: client.municipalityOfBelonging,
    preferredMunicipalities: client.preferredMunicipalities,
    stimulusNeed: client.stimulusNeed,
    supportIntensity: client.support.intensity,
    groundFloorOrLift: client.needs.groundFloorOrLift,
    wheelchair: client.needs.wheelchair,
    pets: client.pets,
    routes: client.routes,
    readySince: client.readySince,
    consentGivenOn: client.consent?.givenOn ?? '',
    consentScope: client.consent?.scope ?? 'matching',
  };
}

/** The fields this form edits; others (anchors, areas to avoid, urgency) are left as they are. */
export function clientBodyOf(values: Values): Schemas['PatchClient'] {
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return {
    externalRef: values.externalRef.trim(),
    targetGroup: values.targetGroup as Schemas['Client']['targetGroup'],
    household: { adults: number(values.adults), children: number(values.children) },
    maxRent: number(values.maxRent),
    municipalityOfBelonging: values.municipalityOfBelonging,
    preferredMunicipalities: values.preferredMunicipalities,
    stimulusNeed: values.stimulusNeed as Schemas['Client']['stimulusNeed'],
    support: { intensity: values.supportIntensity as Schemas['Client']['support']['intensity'] },
    needs: { groundFloorOrLift: values.groundFloorOrLift, wheelchair: values.wheelchair },
    pets: values.pets,
    routes: values.routes as Schemas['Client']['routes'],
    readySince: values.readySince,
    consent:
      values.consentGivenOn === ''
        ? null
        : {
            givenOn: values.consentGivenOn,
            scope: values.consentScope as 'matching' | 'matching_with_support',
          },
  };
}

/** Register a client, or edit one (`/clienten/:id`). */
export function ClientForm() {
  const { id } = useParams();
  const client = useClient(id);
  if (id === undefined) return <ClientFormBody />;
  if (client.isPending) return <Loading what="Cliënt" />;
  if (client.isError) return <QueryError error={client.error} />;
  return <ClientFormBody client={client.data} key={client.data.version} />;
}

function ClientFormBody(props: { client?: Client }) {
  const { api } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useMunicipalities();
  const [values, setValues] = useState<Values>(props.client ? valuesOf(props.client) : EMPTY);
  const save = useMutation({
    mutationFn: async () => {
      const body = clientBodyOf(values);
      if (!props.client) {
        return must(await api.POST('/api/v1/clients', { body: body as Schemas['CreateClient'] }));
      }
      return must(
        await api.PATCH('/api/v1/clients/{id}', {
          params: { path: { id: props.client.id } },
          headers: ifMatch(props.client.version),
          body,
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      await queryClient.invalidateQueries({ queryKey: ['client'] });
      await navigate('/clienten');
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues({ ...values, [key]: value });
  };
  const toggle = (key: 'preferredMunicipalities' | 'routes', code: string, on: boolean) => {
    set(key, on ? [...values[key], code] : values[key].filter((item) => item !== code));
  };
  const text = (
    key: keyof Values,
    labelText: string,
    path: string,
    extra: InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <TextInput
      label={labelText}
      name={path}
      problem={problem}
      input={extra}
      value={String(values[key])}
      onChange={(value) => {
        set(key, value as never);
      }}
    />
  );
  const select = (
    key: keyof Values,
    labelText: string,
    path: string,
    options: Record<string, string>,
  ) => (
    <Choice
      label={labelText}
      name={path}
      problem={problem}
      value={String(values[key])}
      options={options}
      onChange={(value) => {
        set(key, value as never);
      }}
    />
  );
  const flag = (
    key: 'groundFloorOrLift' | 'wheelchair' | 'pets',
    labelText: string,
    path: string,
  ) => (
    <Checkbox
      label={labelText}
      name={path}
      problem={problem}
      checked={values[key]}
      onChange={(checked) => {
        set(key, checked);
      }}
    />
  );
  const municipalityOptions = Object.fromEntries(
    [...(municipalities.data?.values() ?? [])].map((m) => [m.code, m.name]),
  );
  return (
    <section>
      <p>
        <Link to="/clienten">← Terug naar de cliënten</Link>
      </p>
      <h1>
        {props.client ? `Cliënt ${props.client.externalRef}` : 'Cliënt aanmelden'}
        {props.client ? (
          <span className="status">{label(CLIENT_STATUS_LABELS, props.client.status)}</span>
        ) : null}
      </h1>
      <aside className="notice" aria-label="Privacy">
        <p>
          <strong>Geen naam, BSN, geboortedatum of diagnose.</strong> matchpunt vraagt alleen wat
          nodig is om een passende woning te vinden: uw eigen referentie, huishouden, woonwensen en
          begeleiding. Zo blijft het profiel gepseudonimiseerd; wie de cliënt is, weet alleen u.
          Schrijf ook in de referentie geen naam of BSN.
        </p>
      </aside>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <fieldset>
          <legend>Cliënt</legend>
          <div className="form-grid">
            {text('externalRef', 'Eigen referentie (geen naam of BSN)', 'externalRef', {
              required: true,
            })}
            {select('targetGroup', 'Doelgroep', 'targetGroup', TARGET_GROUP_LABELS)}
            {text('adults', 'Volwassenen', 'household.adults', { type: 'number', min: 1 })}
            {text('children', 'Kinderen', 'household.children', { type: 'number', min: 0 })}
            {text('readySince', 'Klaar om uit te stromen sinds', 'readySince', {
              type: 'date',
              required: true,
            })}
          </div>
        </fieldset>
        <fieldset>
          <legend>Wonen</legend>
          <div className="form-grid">
            {text('maxRent', 'Maximale huur (€ per maand)', 'maxRent', {
              type: 'number',
              step: '0.01',
              required: true,
            })}
            <Choice
              label="Gemeente van binding"
              name="municipalityOfBelonging"
              problem={problem}
              required
              placeholder="Kies een gemeente…"
              value={values.municipalityOfBelonging}
              options={municipalityOptions}
              onChange={(value) => {
                set('municipalityOfBelonging', value);
              }}
            />
            {select('stimulusNeed', 'Prikkelarm wonen', 'stimulusNeed', STIMULUS_NEED_LABELS)}
            {select('supportIntensity', 'Begeleiding', 'support.intensity', SUPPORT_LABELS)}
            {flag('groundFloorOrLift', 'Begane grond of lift nodig', 'needs.groundFloorOrLift')}
            {flag('wheelchair', 'Rolstoeltoegankelijk nodig', 'needs.wheelchair')}
            {flag('pets', 'Verhuist met huisdier', 'pets')}
          </div>
          <CheckboxGroup
            legend="Voorkeursgemeenten"
            name="preferredMunicipalities"
            options={municipalityOptions}
            chosen={values.preferredMunicipalities}
            problem={problem}
            onToggle={(code, on) => {
              toggle('preferredMunicipalities', code, on);
            }}
          />
          <CheckboxGroup
            legend="Routes (soorten woning)"
            name="routes"
            options={UNIT_TYPE_LABELS}
            chosen={values.routes}
            problem={problem}
            onToggle={(code, on) => {
              toggle('routes', code, on);
            }}
          />
        </fieldset>
        <fieldset>
          <legend>Toestemming</legend>
          <p className="hint">Zonder toestemming wordt de cliënt bewaard maar niet gematcht.</p>
          <div className="form-grid">
            {text('consentGivenOn', 'Toestemming gegeven op', 'consent.givenOn', { type: 'date' })}
            {select('consentScope', 'Reikwijdte', 'consent.scope', {
              matching: 'Matching',
              matching_with_support: 'Matching, begeleiding delen met corporatie',
            })}
          </div>
        </fieldset>
        <ProblemMessage
          problem={save.error}
          shown={[
            'externalRef',
            'targetGroup',
            'household',
            'readySince',
            'maxRent',
            'municipalityOfBelonging',
            'stimulusNeed',
            'support',
            'needs',
            'pets',
            'preferredMunicipalities',
            'routes',
            'consent',
          ]}
        />
        <button type="submit" disabled={save.isPending}>
          {props.client ? 'Wijzigingen opslaan' : 'Cliënt aanmelden'}
        </button>
      </form>
    </section>
  );
}

function CheckboxGroup(props: {
  legend: string;
  name: string;
  options: Record<string, string>;
  chosen: string[];
  problem: ApiProblem | null;
  onToggle: (code: string, on: boolean) => void;
}) {
  const messages = props.problem?.forField(props.name) ?? [];
  return (
    <fieldset aria-invalid={messages.length > 0}>
      <legend>{props.legend}</legend>
      {Object.entries(props.options).map(([code, name]) => (
        <label key={code} className="field inline">
          <input
            type="checkbox"
            checked={props.chosen.includes(code)}
            onChange={(event) => {
              props.onToggle(code, event.target.checked);
            }}
          />
          {name}
        </label>
      ))}
      {messages.length > 0 ? (
        <p className="field-error" data-field={props.name}>
          {messages.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

import type { InputHTMLAttributes } from 'react';

import type { ApiProblem } from '../api/client';
import { Field } from './Field';

interface ControlProps {
  label: string;
  /** The field's path in problem+json, e.g. `address.postcode`. */
  name: string;
  problem: ApiProblem | null;
  hint?: string;
}

/** A labelled text, number or date input whose API errors stand next to it. */
export function TextInput(
  props: ControlProps & {
    value: string;
    onChange: (value: string) => void;
    input?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;
  },
) {
  return (
    <Field label={props.label} name={props.name} problem={props.problem} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          {...props.input}
          value={props.value}
          onChange={(event) => {
            props.onChange(event.target.value);
          }}
        />
      )}
    </Field>
  );
}

export function Checkbox(
  props: ControlProps & { checked: boolean; onChange: (checked: boolean) => void },
) {
  return (
    <Field label={props.label} name={props.name} problem={props.problem} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          type="checkbox"
          checked={props.checked}
          onChange={(event) => {
            props.onChange(event.target.checked);
          }}
        />
      )}
    </Field>
  );
}

/** A select of `options` (code → Dutch name), with an empty first choice when `placeholder`. */
export function Choice(
  props: ControlProps & {
    value: string;
    onChange: (value: string) => void;
    options: Record<string, string> | [string, string][];
    placeholder?: string;
    required?: boolean;
  },
) {
  const options = Array.isArray(props.options) ? props.options : Object.entries(props.options);
  return (
    <Field label={props.label} name={props.name} problem={props.problem} hint={props.hint}>
      {(control) => (
        <select
          {...control}
          required={props.required}
          value={props.value}
          onChange={(event) => {
            props.onChange(event.target.value);
          }}
        >
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {options.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

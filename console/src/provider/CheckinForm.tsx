import { useId, useState } from 'react';

import { ApiProblem } from '../api/client';
import { TextInput } from '../ui/controls';
import { ProblemMessage } from '../ui/Field';

export interface CheckinInput {
  date: string;
  stablyHoused: boolean;
}

/**
 * What the form can tell before asking the API: a choice for "stably housed", and a date that is
 * given and not after today. The answer has the API's shape, so the same fields show it.
 */
export function validateCheckin(
  values: { date: string; stablyHoused: boolean | null },
  today: string,
): ApiProblem | null {
  const errors: { path: string; message: string }[] = [];
  if (values.stablyHoused === null) {
    errors.push({ path: 'stablyHoused', message: 'Kies ja of nee.' });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    errors.push({ path: 'date', message: 'Vul de datum van het gesprek in.' });
  } else if (values.date > today) {
    errors.push({ path: 'date', message: 'De datum ligt in de toekomst.' });
  }
  return errors.length === 0
    ? null
    : new ApiProblem(422, {
        code: 'validation_failed',
        detail: 'Controleer de gemarkeerde velden.',
        errors,
      });
}

/** Record one follow-up check-in: stably housed yes or no, and on which date. */
export function CheckinForm(props: {
  /** Names the form for screen readers (the client and which check-in). */
  label: string;
  today: string;
  busy: boolean;
  problem: ApiProblem | null;
  onSubmit: (input: CheckinInput) => void;
}) {
  const [date, setDate] = useState(props.today);
  const [stablyHoused, setStablyHoused] = useState<boolean | null>(null);
  const [invalid, setInvalid] = useState<ApiProblem | null>(null);
  const problem = invalid ?? props.problem;
  const id = useId();
  const choiceErrors = problem?.forField('stablyHoused') ?? [];
  return (
    <form
      className="checkin-form"
      aria-label={props.label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = validateCheckin({ date, stablyHoused }, props.today);
        setInvalid(found);
        if (!found && stablyHoused !== null) props.onSubmit({ date, stablyHoused });
      }}
    >
      <fieldset
        aria-invalid={choiceErrors.length > 0}
        aria-describedby={choiceErrors.length > 0 ? `${id}-error` : undefined}
      >
        <legend>Stabiel gehuisvest</legend>
        {[
          { value: true, text: 'Ja' },
          { value: false, text: 'Nee' },
        ].map((option) => (
          <label key={option.text} className="inline">
            <input
              type="radio"
              name={`${id}-stablyHoused`}
              checked={stablyHoused === option.value}
              onChange={() => {
                setStablyHoused(option.value);
              }}
            />{' '}
            {option.text}
          </label>
        ))}
        {choiceErrors.length > 0 ? (
          <p className="field-error" id={`${id}-error`} data-field="stablyHoused">
            {choiceErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <TextInput
        label="Datum gesprek"
        name="date"
        problem={problem}
        value={date}
        onChange={setDate}
        input={{ type: 'date', max: props.today }}
      />
      <ProblemMessage problem={problem} shown={['stablyHoused', 'date']} />
      <button type="submit" disabled={props.busy}>
        Vastleggen
      </button>
    </form>
  );
}

import { useState } from 'react';

import type { ApiProblem } from '../api/client';
import { useReasons } from '../api/queries';
import { Field, ProblemMessage } from './Field';
import { label, REASON_LABELS } from './labels';

export type Party = 'matcher' | 'corporation' | 'provider';

export interface ReasonInput {
  reason: string;
  note?: string;
}

/** A reason from the party's list, and a note that `other` requires (and nothing else takes). */
export function ReasonForm(props: {
  party: Party;
  submitLabel: string;
  problem: ApiProblem | null;
  busy: boolean;
  onSubmit: (input: ReasonInput) => void;
  onCancel?: () => void;
}) {
  const reasons = useReasons();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const list = reasons.data?.[props.party] ?? [];
  return (
    <form
      className="reason-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(reason === 'other' ? { reason, note: note.trim() } : { reason });
      }}
    >
      <Field label="Reden" name="reason" problem={props.problem}>
        {(control) => (
          <select
            {...control}
            required
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          >
            <option value="">Kies een reden…</option>
            {list.map((item) => (
              <option key={item.code} value={item.code}>
                {REASON_LABELS[item.code] ?? item.description}
              </option>
            ))}
          </select>
        )}
      </Field>
      {reason === 'other' ? (
        <Field
          label="Toelichting"
          name="note"
          problem={props.problem}
          hint="Verplicht bij 'andere reden'; over het besluit, nooit over de persoon (max. 500 tekens)."
        >
          {(control) => (
            <textarea
              {...control}
              required
              maxLength={500}
              value={note}
              onChange={(event) => {
                setNote(event.target.value);
              }}
            />
          )}
        </Field>
      ) : null}
      <ProblemMessage problem={props.problem} shown={['reason', 'note']} />
      <div className="actions">
        <button type="submit" disabled={props.busy || reason === ''}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Terug
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {reason ? label(REASON_LABELS, reason) : ''}
      </p>
    </form>
  );
}

import { type ReactNode, useId } from 'react';

import type { ApiProblem } from '../api/client';

/**
 * A labelled form control with the API's messages for its field right next to it. `name` is the
 * field's path in problem+json (`address.postcode`); the control gets `aria-invalid` and
 * `aria-describedby` when the API refused it.
 */
export function Field(props: {
  label: string;
  name: string;
  problem: ApiProblem | null | undefined;
  hint?: string;
  children: (control: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const id = useId();
  const messages = props.problem?.forField(props.name) ?? [];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [props.hint ? hintId : null, messages.length > 0 ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        name: props.name,
        'aria-invalid': messages.length > 0,
        'aria-describedby': describedBy,
      })}
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {messages.length > 0 ? (
        <p className="field-error" id={errorId} data-field={props.name}>
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The problem's message, and the field errors no field on the form shows. */
export function ProblemMessage(props: { problem: Error | null | undefined; shown?: string[] }) {
  const problem = props.problem;
  if (!problem) return null;
  const rest =
    'errors' in problem
      ? (problem as ApiProblem).errors.filter(
          (error) =>
            !(props.shown ?? []).some(
              (path) => error.path === path || error.path.startsWith(`${path}.`),
            ),
        )
      : [];
  return (
    <div className="problem" role="alert">
      <p>{problem.message}</p>
      {rest.length > 0 ? (
        <ul>
          {rest.map((error) => (
            <li key={`${error.path}:${error.message}`}>
              <code>{error.path}</code>: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p role="status" className="loading">
      {props.what} laden…
    </p>
  );
}

export function Empty(props: { children: ReactNode }) {
  return <p className="empty">{props.children}</p>;
}

export function QueryError(props: { error: Error | null }) {
  return props.error ? (
    <p role="alert" className="problem">
      Laden lukte niet: {props.error.message}
    </p>
  ) : null;
}

/**
 * A wide table that scrolls sideways on a narrow screen (a tablet) instead of widening the page;
 * focusable, so the keyboard can scroll it too.
 */
export function TableScroll(props: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}

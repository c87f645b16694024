import { createHash } from 'node:crypto';

import pg from 'pg';

/**
 * Prepared statements for the hot reads.
 *
 * node-postgres sends a statement with parameters as an unnamed statement, which PostgreSQL parses
 * and plans again at every call: for the list pages that is more than half of PostgreSQL's time on
 * them (planning the page's joins takes longer than running them). A statement marked with
 * `prepared()` is parsed once per connection under a name derived from its text and executed by
 * that name after that, so PostgreSQL can keep its plan (after five executions it compares the
 * cost of a generic plan with the custom plans it made and keeps the generic one when it is no
 * dearer).
 *
 * A marked statement's text must be one of a few fixed forms: write optional filters into the
 * text only when they are given (`Params`), never `($1 IS NULL OR column = $1)`, whose generic plan
 * cannot know which filters apply; and never splice values into the text, or every value becomes a
 * statement of its own. Each connection keeps at most `MAX_NAMED_PER_CONNECTION` names; past that a
 * marked statement runs unnamed, as any other.
 *
 * One value is written into the text: a row count (`rowCount()`), a page's or the outbox relay's
 * batch size. With `LIMIT $n` a generic plan cannot know how many rows the page takes and assumes a
 * tenth of the table's, so on a national table the generic plan looks far dearer than the custom
 * ones and PostgreSQL plans the statement again at every call. Page sizes are few (a client asks
 * for one or two), so each is a statement of its own. For the same reason a set of values that is
 * mostly one is compared by `= $n` when it is (`Params.oneOf`).
 *
 * Named statements need a session of their own: behind a connection pooler in transaction mode
 * (PgBouncer before 1.21, or without `max_prepared_statements`) they fail.
 */
const MARK = '/* prepared */ ';

const MAX_NAMED_PER_CONNECTION = 200;

/** Marks `sql` to be prepared once per connection (see above). */
export function prepared(sql: string): string {
  return MARK + sql;
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `mp_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    // The texts are a bounded set of fixed forms; the bound guards against a misuse.
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

type Query = typeof pg.Client.prototype.query;
type AnyQuery = (this: pg.Client, ...args: unknown[]) => unknown;

/** node-postgres's client, running statements marked by `prepared()` by name. */
export class PreparingClient extends pg.Client {
  /** The names this connection has used (prepared, or being prepared). */
  readonly statementNames = new Set<string>();
}

/** node-postgres's own `query`, which runs every statement unnamed. */
const unnamed = Reflect.get(pg.Client.prototype, 'query') as AnyQuery;

PreparingClient.prototype.query = function query(
  this: PreparingClient,
  config: unknown,
  values?: unknown,
  callback?: unknown,
) {
  if (typeof config === 'string' && config.startsWith(MARK) && Array.isArray(values)) {
    const name = statementName(config);
    if (this.statementNames.has(name) || this.statementNames.size < MAX_NAMED_PER_CONNECTION) {
      this.statementNames.add(name);
      return unnamed.call(this, { name, text: config, values }, callback);
    }
  }
  return unnamed.call(this, config, values, callback);
} as Query;

/** A page's row count as it is written into a marked statement's text (see above). */
export function rowCount(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 1) {
    throw new RangeError(`A row count is a whole number above 0, not ${rows}`);
  }
  return String(rows);
}

/** The conditions given, joined by AND (`TRUE` when none is). */
export function allOf(conditions: readonly (string | null)[]): string {
  const given = conditions.filter((condition) => condition !== null);
  return given.length === 0 ? 'TRUE' : given.join(' AND ');
}

/**
 * Numbered parameters for a statement written from the filters given: `add(value)` appends a
 * value and answers its placeholder (`$3`).
 */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** `column = $n` when `value` is given, null when it is not (for a list of conditions). */
  equal(column: string, value: unknown): string | null {
    return value === undefined || value === null ? null : `${column} = ${this.add(value)}`;
  }

  /**
   * A condition's right-hand side for a set of values of SQL type `type`: `= $n` for one value,
   * `= ANY($n::type[])` for several. With `= ANY($n)` a generic plan assumes ten values, so for
   * the one value most calls give PostgreSQL would plan the statement at every call.
   */
  oneOf(values: readonly unknown[], type: string): string {
    return values.length === 1
      ? `= ${this.add(values[0])}::${type}`
      : `= ANY(${this.add(values)}::${type}[])`;
  }

  /** The keyset condition of a page after `cursor`, ordered by `(created_at, id)` of `alias`. */
  after(alias: string, cursor: { createdAt: string; id: string } | undefined): string | null {
    return cursor === undefined
      ? null
      : `(${alias}.created_at, ${alias}.id) > (${this.add(cursor.createdAt)}::timestamptz, ${this.add(cursor.id)}::uuid)`;
  }

  /** A fragment written for placeholders from `$at` on (`{ sql, params }`), with its values added. */
  include(fragment: (at: number) => { sql: string; params: readonly unknown[] }): string {
    const { sql, params } = fragment(this.values.length + 1);
    this.values.push(...params);
    return sql;
  }
}

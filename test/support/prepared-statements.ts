/**
 * What a connection's session has prepared (`pg_prepared_statements`), and the plans PostgreSQL
 * makes for one of those statements: for the tests that hold statements to being run by name and
 * to a plan.
 */

/** A connection to ask: an `EntityManager` on one connection (`Db`) or a `QueryRunner`. */
interface Session {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface PreparedStatement {
  name: string;
  statement: string;
  /** How often PostgreSQL ran the statement with its generic plan, and with one made for its values. */
  generic: number;
  custom: number;
}

/** The statements `session`'s connection has prepared whose text is LIKE `pattern`, by name. */
export async function preparedStatements(
  session: Session,
  pattern = '%',
): Promise<PreparedStatement[]> {
  return (await session.query(
    `SELECT name, statement, generic_plans::int AS generic, custom_plans::int AS custom
       FROM pg_prepared_statements WHERE statement LIKE $1 ORDER BY name`,
    [pattern],
  )) as PreparedStatement[];
}

/**
 * The plan of the prepared statement `name` for `args` (its parameters as SQL literals), as
 * PostgreSQL makes it under `mode`: `force_custom_plan` for the first calls' plans,
 * `force_generic_plan` for the one it may keep after five.
 */
export async function explainPrepared(
  session: Session,
  name: string,
  args: string,
  mode: 'force_custom_plan' | 'force_generic_plan',
): Promise<string> {
  await session.query(`SET plan_cache_mode = ${mode}`);
  try {
    const rows = (await session.query(`EXPLAIN EXECUTE ${name}(${args})`)) as {
      'QUERY PLAN': string;
    }[];
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await session.query('RESET plan_cache_mode');
  }
}

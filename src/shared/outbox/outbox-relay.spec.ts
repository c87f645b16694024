import { dispatchInOrder, type OutboxRow, type OutboxTopicDispatcher } from './outbox-relay';

const row = (id: number, topic: string): OutboxRow => ({ id: String(id), topic, payload: { id } });

/** Dispatchers that record what they were handed, one call per entry; `failOn` ids throw. */
function recording(failOn: string[] = []) {
  const calls: string[][] = [];
  const fail = (ids: string[]) => {
    if (ids.some((id) => failOn.includes(id))) throw new Error('queue down');
  };
  const dispatchers: Record<string, OutboxTopicDispatcher> = {
    single: (one) => {
      calls.push([one.id]);
      fail([one.id]);
      return Promise.resolve();
    },
    bulk: {
      batch: (rows) => {
        const ids = rows.map((r) => r.id);
        calls.push(ids);
        fail(ids);
        return Promise.resolve();
      },
    },
  };
  return { calls, dispatchers };
}

describe('dispatchInOrder', () => {
  it('hands consecutive rows of a batched topic over together, in order, and the others one by one', async () => {
    const { calls, dispatchers } = recording();
    const rows = [
      row(1, 'bulk'),
      row(2, 'bulk'),
      row(3, 'single'),
      row(4, 'single'),
      row(5, 'bulk'),
      row(6, 'bulk'),
      row(7, 'bulk'),
    ];
    const outcome = await dispatchInOrder(rows, dispatchers);
    expect(calls).toEqual([['1', '2'], ['3'], ['4'], ['5', '6', '7']]);
    expect(outcome).toEqual({ sent: ['1', '2', '3', '4', '5', '6', '7'] });
  });

  it('stops at a failed batch: earlier rows count as sent, the failure is charged to its first row, later rows wait', async () => {
    const { calls, dispatchers } = recording(['4']);
    const rows = [
      row(1, 'single'),
      row(2, 'bulk'),
      row(3, 'bulk'),
      row(4, 'bulk'),
      row(5, 'single'),
    ];
    const outcome = await dispatchInOrder(rows, dispatchers);
    expect(calls).toEqual([['1'], ['2', '3', '4']]);
    expect(outcome.sent).toEqual(['1']);
    expect(outcome.failure?.row.id).toBe('2');
    expect(String(outcome.failure?.error)).toContain('queue down');
  });

  it('fails a row whose topic has no dispatcher, after sending what came before it', async () => {
    const { dispatchers } = recording();
    const outcome = await dispatchInOrder(
      [row(1, 'single'), row(2, 'unknown'), row(3, 'single')],
      dispatchers,
    );
    expect(outcome.sent).toEqual(['1']);
    expect(outcome.failure?.row.id).toBe('2');
    expect(String(outcome.failure?.error)).toContain('no dispatcher for topic unknown');
  });
});

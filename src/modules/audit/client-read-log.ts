import type { Actor } from '../../shared/auth/actor';
import { currentRequestContext } from '../../shared/context/request-context';
import { prepared } from '../../shared/database/prepared';

/** Reads written by one insert at most; more wait for the next. */
const MAX_READS_PER_INSERT = 64;

/**
 * Where the log's inserts run: in the API a `DedicatedConnection` (the runtime's
 * `accessLogConnection`); a DataSource serves where reads are few (scripts, tests).
 */
export interface ReadLogConnection {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

interface PendingRead {
  organisationId: string;
  tokenId: string;
  requestId: string | null;
  clientIds: readonly string[];
  logged: () => void;
  failed: (error: unknown) => void;
}

/**
 * The access log's writer (docs/privacy.md, "The access log"): one `client_reads` row for each
 * request that showed client profiles to an organisation other than the registering provider,
 * holding the clients' ids in the order shown (see the `ClientReads` migration for why one row and
 * not one per client).
 *
 * `record` resolves once the row is committed, and the caller answers only then: no profile leaves
 * without its log row, and a read whose row cannot be written is answered with an error. The rows
 * of reads that arrive while an insert is under way are written together by the next one, as one
 * statement and one commit (group commit): under load a read costs the database a share of an
 * insert and of a WAL flush instead of one each, and alone it waits for nothing but its own insert.
 *
 * In the API the inserts run on a connection of their own, not the pool's: with one insert in
 * flight at a time, an insert that waited for a pool connection behind the requests and
 * transactions holding them all made every profile read wait as long (docs/performance.md, "The
 * access log on a connection of its own").
 */
export class ClientReadLog {
  private readonly queue: PendingRead[] = [];
  private writing = false;

  constructor(private readonly connection: ReadLogConnection) {}

  record(actor: Actor, clientIds: readonly string[]): Promise<void> {
    if (clientIds.length === 0) return Promise.resolve();
    return new Promise((logged, failed) => {
      this.queue.push({
        organisationId: actor.organisationId,
        tokenId: actor.tokenId,
        // Taken now: the insert runs outside the request that asked for it.
        requestId: currentRequestContext()?.requestId ?? null,
        clientIds,
        logged,
        failed,
      });
      if (this.writing) return;
      this.writing = true;
      // After the I/O callbacks already due, so that reads answered together log together.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const reads = this.queue.splice(0, MAX_READS_PER_INSERT);
      try {
        await this.insert(reads);
        for (const read of reads) read.logged();
      } catch (error) {
        for (const read of reads) read.failed(error);
      }
    }
    this.writing = false;
  }

  /**
   * One row per read, in the order they were recorded (ids come from the trail's sequence in that
   * order). A fixed text, so it stays one prepared statement: each read's ids are a slice of one
   * flat array.
   */
  private async insert(reads: readonly PendingRead[]): Promise<void> {
    const firsts: number[] = [];
    let next = 1;
    for (const read of reads) {
      firsts.push(next);
      next += read.clientIds.length;
    }
    await this.connection.query(
      prepared(`INSERT INTO client_reads (organisation_id, token_id, request_id, client_ids)
       SELECT r.organisation_id, r.token_id, r.request_id, ($4::uuid[])[r.first : r.first + r.count - 1]
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $5::int[], $6::int[])
              WITH ORDINALITY AS r(organisation_id, token_id, request_id, first, count, n)
        ORDER BY r.n`),
      [
        reads.map((read) => read.organisationId),
        reads.map((read) => read.tokenId),
        reads.map((read) => read.requestId),
        reads.flatMap((read) => read.clientIds),
        firsts,
        reads.map((read) => read.clientIds.length),
      ],
    );
  }
}

import type { Actor } from '../../shared/auth/actor';
import type { ChangeListener } from '../../shared/database/change-listener';

/** The channel the database's triggers notify on any change to tokens or organisations. */
export const ACTOR_CHANGES_CHANNEL = 'actor_changes';

const DEFAULT_CAPACITY = 5_000;

/**
 * The actor behind each recently seen token hash, so an authenticated request costs no database
 * round trip. Positive answers only: an unknown or revoked token is always looked up (and its
 * sender's IP bucket charged first). Correct only while the change listener hears the database:
 * every notification on `actor_changes` empties it, so does losing or regaining the listener, and
 * while the listener is down it answers nothing and keeps nothing. A lookup that began before an
 * invalidation is not stored after it (`generation`).
 */
export class TokenCache {
  private readonly entries = new Map<string, Actor>();
  private generationCount = 0;

  constructor(
    private readonly changes: Pick<ChangeListener, 'subscribe' | 'isLive'>,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {
    changes.subscribe(ACTOR_CHANGES_CHANNEL, {
      onChange: () => {
        this.clear();
      },
      onReset: () => {
        this.clear();
      },
    });
  }

  /** Pass to `set`, taken before the database lookup whose answer is to be stored. */
  get generation(): number {
    return this.generationCount;
  }

  get size(): number {
    return this.entries.size;
  }

  get(hash: string): Actor | undefined {
    if (!this.trusted()) return undefined;
    const actor = this.entries.get(hash);
    if (actor) {
      // Least recently used first out: move it to the end.
      this.entries.delete(hash);
      this.entries.set(hash, actor);
    }
    return actor;
  }

  set(hash: string, actor: Actor, generation: number): void {
    if (generation !== this.generationCount || !this.trusted()) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(
      hash,
      Object.freeze({ ...actor, municipalityCodes: Object.freeze([...actor.municipalityCodes]) }),
    );
  }

  /** Forgets everything; also called by this process right after it commits a revocation. */
  clear(): void {
    this.entries.clear();
    this.generationCount += 1;
  }

  private trusted(): boolean {
    return this.changes.isLive(ACTOR_CHANGES_CHANNEL);
  }
}

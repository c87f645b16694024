import type { Actor } from '../../shared/auth/actor';
import type { ChangeHandlers } from '../../shared/database/change-listener';
import { TokenCache } from './token-cache';

function fakeListener() {
  const state = { live: true, handlers: [] as ChangeHandlers[] };
  return {
    state,
    listener: {
      isLive: () => state.live,
      subscribe: (_channel: string, handlers: ChangeHandlers) => {
        state.handlers.push(handlers);
        return () => undefined;
      },
    },
  };
}

const actor = (tokenId: string): Actor => ({
  tokenId,
  role: 'matcher',
  organisationId: 'org',
  organisationKind: 'matchingspunt',
  regionCode: 'r',
  municipalityCodes: ['GM0983'],
});

describe('TokenCache', () => {
  it('when a notification arrives, then everything is forgotten', () => {
    const { state, listener } = fakeListener();
    const cache = new TokenCache(listener);
    cache.set('a', actor('a'), cache.generation);
    expect(cache.get('a')?.tokenId).toBe('a');
    state.handlers.forEach((h) => {
      h.onChange('api_tokens');
    });
    expect(cache.get('a')).toBeUndefined();
  });

  it('when a lookup began before an invalidation, then its answer is not stored', () => {
    const { listener } = fakeListener();
    const cache = new TokenCache(listener);
    const before = cache.generation;
    cache.clear();
    cache.set('a', actor('a'), before);
    expect(cache.get('a')).toBeUndefined();
  });

  it('when the listener is down, then nothing is answered or stored, and a reset empties it', () => {
    const { state, listener } = fakeListener();
    const cache = new TokenCache(listener);
    cache.set('a', actor('a'), cache.generation);
    state.live = false;
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', actor('b'), cache.generation);
    state.handlers.forEach((h) => {
      h.onReset();
    });
    state.live = true;
    expect(cache.size).toBe(0);
  });

  it('when full, then the least recently used token goes first', () => {
    const { listener } = fakeListener();
    const cache = new TokenCache(listener, 2);
    cache.set('a', actor('a'), cache.generation);
    cache.set('b', actor('b'), cache.generation);
    cache.get('a');
    cache.set('c', actor('c'), cache.generation);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.tokenId).toBe('a');
    expect(cache.get('c')?.tokenId).toBe('c');
  });
});

import { Writable } from 'node:stream';

import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: createLogger({ LOG_LEVEL: 'info' }, 'spec', sink), text: () => lines.join('') };
}

describe('the logger', () => {
  it('when a log call passes credentials under their usual names, then they are censored', () => {
    const { logger, text } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer mp_header-secret', cookie: 'sid=cookie-secret' } },
        headers: { authorization: 'Bearer mp_bare-header-secret' },
        token: 'mp_top-level-token',
        secret: 'whsec_top-level',
        webhook: { secret: 'whsec_nested', url: 'https://hooks.example.org/x' },
        BOOTSTRAP_ADMIN_TOKEN: 'mp_bootstrap-secret',
        tokenId: '0b7e4d8c-keep',
      },
      'with credentials',
    );
    const logged = text();
    for (const secret of [
      'header-secret',
      'cookie-secret',
      'top-level',
      'nested',
      'bootstrap-secret',
    ]) {
      expect({ secret, found: logged.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(logged).toContain('[redacted]');
    // What says which token acted stays.
    expect(logged).toContain('0b7e4d8c-keep');
  });
});

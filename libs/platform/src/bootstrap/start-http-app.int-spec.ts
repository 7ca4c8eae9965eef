import { Controller, Get, Module, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Writable } from 'node:stream';
import { ShutdownState } from '../health/shutdown-state.service';
import { createLogger } from '../logging/logger.factory';
import { type RunningHttpApp, startHttpApp } from './start-http-app';

@Controller()
class EchoAddressController {
  @Get('address')
  address(@Req() req: Request): { ip: string | undefined } {
    return { ip: req.ip };
  }
}

@Module({ controllers: [EchoAddressController], providers: [ShutdownState] })
class EchoModule {}

const quiet = createLogger({ name: 'test', level: 'error', destination: new Writable({ write: (_c, _e, done) => done() }) });

async function start(trustProxy?: string): Promise<RunningHttpApp> {
  return startHttpApp(EchoModule, { name: 'echo', host: '127.0.0.1', port: 0, bodyLimit: '1kb', logger: quiet, trustProxy });
}

async function addressSeen(app: RunningHttpApp, forwardedFor?: string): Promise<string | undefined> {
  const response = await fetch(`${app.url}/address`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  return ((await response.json()) as { ip?: string }).ip;
}

describe('startHttpApp: which client address the app sees (GMDB_TRUST_PROXY)', () => {
  const running: RunningHttpApp[] = [];
  afterAll(() => Promise.all(running.map((a) => a.close())));

  it('trusts no proxy by default: a forged X-Forwarded-For changes nothing', async () => {
    const app = await start();
    running.push(app);
    expect(await addressSeen(app, '203.0.113.9')).toMatch(/127\.0\.0\.1$/);
  });

  it('behind trusted proxies (here loopback): the first address from the right that is not a proxy', async () => {
    const app = await start('loopback, 10.0.0.0/8');
    running.push(app);
    // ingress (10.1.2.3) and gateway (127.0.0.1, the socket peer) in front of the caller 198.51.100.4;
    // what the caller wrote itself (203.0.113.9, further left) is not believed past an untrusted hop.
    expect(await addressSeen(app, '203.0.113.9, 198.51.100.4, 10.1.2.3')).toBe('198.51.100.4');
    expect(await addressSeen(app)).toMatch(/127\.0\.0\.1$/);
  });

  it('refuses a setting that is none of the accepted forms', async () => {
    await expect(start('true')).rejects.toThrow('GMDB_TRUST_PROXY');
  });
});

import { runUntilSignal } from './run-until-signal';
import type { RunningService } from './running-service';

describe('runUntilSignal', () => {
  let before: { SIGINT: number; SIGTERM: number };
  beforeEach(() => {
    before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
  });
  afterEach(() => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const listeners = process.listeners(signal);
      for (const l of listeners.slice(before[signal])) process.removeListener(signal, l);
    }
  });

  function service(name: string, order: string[], close?: () => Promise<void>): RunningService {
    return { name, url: '', close: close ?? (async () => void order.push(name)) };
  }

  it('closes the services in reverse start order on SIGTERM and exits 0', async () => {
    const order: string[] = [];
    const exited = new Promise<number>((resolve) => {
      runUntilSignal([service('a', order), service('b', order), service('c', order)], 1000, {
        log: () => undefined,
        exit: resolve,
      });
    });
    process.emit('SIGTERM');
    await expect(exited).resolves.toBe(0);
    expect(order).toEqual(['c', 'b', 'a']);
  });

  it('exits 1 when a service does not stop in time, after closing the others', async () => {
    const order: string[] = [];
    const lines: string[] = [];
    const hang = service('stuck', order, () => new Promise<void>(() => undefined));
    const exited = new Promise<number>((resolve) => {
      runUntilSignal([service('first', order), hang], 50, { log: (l) => lines.push(l), exit: resolve });
    });
    process.emit('SIGINT');
    await expect(exited).resolves.toBe(1);
    expect(order).toEqual(['first']);
    expect(lines).toContain('stuck: did not stop within 50 ms');
  });
});

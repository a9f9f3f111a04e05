import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { closeOnSignals } from './shutdown.js';

function signalSource() {
  const emitter = new EventEmitter();
  return { source: emitter, emit: (signal: NodeJS.Signals) => emitter.emit(signal) };
}

function waitForClosed() {
  let resolve: (error?: unknown) => void = () => undefined;
  const closed = new Promise<unknown>((done) => (resolve = done));
  return { closed, onClosed: (error?: unknown) => resolve(error ?? 'clean') };
}

describe('closeOnSignals', () => {
  it('closes the server once on SIGTERM and reports a clean shutdown', async () => {
    const { source, emit } = signalSource();
    const server = { close: vi.fn(() => Promise.resolve()) };
    const { closed, onClosed } = waitForClosed();
    closeOnSignals(server, { source, onClosed });
    emit('SIGTERM');
    emit('SIGTERM');
    emit('SIGINT');
    expect(await closed).toBe('clean');
    expect(server.close).toHaveBeenCalledTimes(1);
    expect(source.listenerCount('SIGTERM') + source.listenerCount('SIGINT')).toBe(0);
  });

  it('reports a failed close', async () => {
    const { source, emit } = signalSource();
    const { closed, onClosed } = waitForClosed();
    closeOnSignals({ close: () => Promise.reject(new Error('stuck')) }, { source, onClosed });
    emit('SIGINT');
    expect(await closed).toMatchObject({ message: 'stuck' });
  });

  it('gives up when in-flight requests outlast the grace period', async () => {
    const { source, emit } = signalSource();
    const { closed, onClosed } = waitForClosed();
    closeOnSignals({ close: () => new Promise<void>(() => undefined) }, { source, onClosed, graceMs: 10 });
    emit('SIGTERM');
    expect(String(await closed)).toMatch(/did not finish within 10 ms/);
  });

  it('can be detached', () => {
    const { source, emit } = signalSource();
    const server = { close: vi.fn(() => Promise.resolve()) };
    const detach = closeOnSignals(server, { source });
    detach();
    emit('SIGTERM');
    expect(server.close).not.toHaveBeenCalled();
  });
});

import { describe, expect, it } from 'vitest';
import { Slots } from './slots.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('runs at most limit tasks at once, in arrival order', async () => {
    const slots = new Slots(2);
    const started: number[] = [];
    const finish = new Map<number, () => void>();
    const tasks = [0, 1, 2, 3].map((index) =>
      slots.run(() => {
        started.push(index);
        return new Promise<void>((resolve) => finish.set(index, resolve));
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    finish.get(0)!();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    finish.get(1)!();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    finish.get(2)!();
    finish.get(3)!();
    await Promise.all(tasks);
  });

  it('frees the slot of a task that throws', async () => {
    const slots = new Slots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => new Slots(0)).toThrow(RangeError);
  });
});

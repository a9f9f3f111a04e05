import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirRefused, freshDemoDataDir } from './data-dir.js';

describe('freshDemoDataDir', () => {
  let parent: string;
  beforeEach(() => void (parent = mkdtempSync(path.join(tmpdir(), 'provisio-demo-dir-'))));
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('creates a missing folder and marks it as the demo’s', () => {
    const dir = path.join(parent, 'data-demo');
    freshDemoDataDir(dir);
    expect(readdirSync(dir)).toEqual(['.provisio-demo']);
  });

  it('wipes a folder an earlier demo made', () => {
    const dir = path.join(parent, 'data-demo');
    freshDemoDataDir(dir);
    writeFileSync(path.join(dir, 'provisio.db'), 'old world');
    freshDemoDataDir(dir);
    expect(readdirSync(dir)).toEqual(['.provisio-demo']);
  });

  it('uses an empty folder it did not make', () => {
    freshDemoDataDir(parent);
    expect(existsSync(path.join(parent, '.provisio-demo'))).toBe(true);
  });

  it('refuses to wipe a folder with content it did not make, such as a real server’s data', () => {
    const dir = path.join(parent, 'data');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'provisio.db'), 'production');
    expect(() => freshDemoDataDir(dir)).toThrow(DataDirRefused);
    expect(readdirSync(dir)).toEqual(['provisio.db']);
  });
});

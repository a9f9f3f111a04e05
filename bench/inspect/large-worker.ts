import { statSync } from 'node:fs';
import { TrustAnchors } from '../../src/formats/cms/index.js';
import { inspectIpa } from '../../src/formats/ipa/index.js';
import { openFileSource } from '../../src/io/file-source.js';
import { peakRssMb, timeMs } from '../lib/stats.js';

/** Inspects one large IPA once, cold, in a fresh process: `{ bytes, seconds, rssMb }`. */
const path = process.argv[2];
if (!path) throw new Error('usage: large-worker.ts FILE.ipa');
const trust = TrustAnchors.empty();
const ms = await timeMs(async () => {
  const source = await openFileSource(path);
  try {
    await inspectIpa(source, { trust });
  } finally {
    await source.close();
  }
});
console.log(JSON.stringify({ bytes: statSync(path).size, seconds: ms / 1000, rssMb: peakRssMb() }));

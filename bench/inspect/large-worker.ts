import { statSync } from 'node:fs';
import { TrustAnchors } from '../../src/formats/cms/index.js';
import { peakRssMb, timeMs } from '../lib/stats.js';
import { inspectOrThrow } from './inspect-or-throw.js';

/** Inspects one large IPA once, cold, in a fresh process, as `provisio inspect` does: `{ bytes, seconds, rssMb }`. */
const path = process.argv[2];
if (!path) throw new Error('usage: large-worker.ts FILE.ipa');
const trust = TrustAnchors.empty();
const ms = await timeMs(() => inspectOrThrow(path, trust));
console.log(JSON.stringify({ bytes: statSync(path).size, seconds: ms / 1000, rssMb: peakRssMb() }));

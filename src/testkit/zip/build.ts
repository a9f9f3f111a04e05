import { fileSink, MemorySink, type ByteSink } from './sink.js';
import { ZipWriter, type ZipEntryInput, type ZipFinishOptions, type ZipWriterOptions } from './writer.js';

export type BuildZipOptions = ZipWriterOptions & ZipFinishOptions;

/** Builds a whole archive in memory. */
export async function buildZip(
  entries: Iterable<ZipEntryInput> | AsyncIterable<ZipEntryInput>,
  options: BuildZipOptions = {},
): Promise<Uint8Array> {
  const sink = new MemorySink();
  await writeEntries(sink, entries, options);
  return sink.bytes();
}

/** Streams an archive to a file; entries with streamed content are never held in memory. */
export async function writeZipFile(
  path: string,
  entries: Iterable<ZipEntryInput> | AsyncIterable<ZipEntryInput>,
  options: BuildZipOptions = {},
): Promise<void> {
  await writeEntries(await fileSink(path), entries, options);
}

async function writeEntries(
  sink: ByteSink,
  entries: Iterable<ZipEntryInput> | AsyncIterable<ZipEntryInput>,
  options: BuildZipOptions,
): Promise<void> {
  const writer = new ZipWriter(sink, options);
  for await (const entry of entries) {
    await writer.add(entry);
  }
  await writer.finish(options);
}

/** Zip fixture builders: honest archives, quirky layouts and hostile ones. */
export { buildZip, writeZipFile, type BuildZipOptions } from './build.js';
export { appleDoubleEntry, fillerChunks, zeroChunks } from './content.js';
export { concatBytes, fileSink, MemorySink, type ByteSink } from './sink.js';
export { RecordBuilder } from './records.js';
export {
  ZipWriter,
  type ZipEntryInput,
  type ZipEntryLies,
  type ZipFinishOptions,
  type ZipWriterOptions,
} from './writer.js';

import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { throughZlib } from '../../formats/zip/index.js';
import { RecordBuilder, zip64Extra } from './records.js';
import type { ByteSink } from './sink.js';

/** One entry to write. */
export interface ZipEntryInput {
  /** Directories end with `/`. */
  readonly name: string;
  /** Bytes, or chunks streamed to the sink without being held (huge fillers, bombs). */
  readonly content?: Uint8Array | AsyncIterable<Uint8Array>;
  /** Default: deflated, except directories. */
  readonly method?: 'stored' | 'deflated';
  /** Sets the UTF-8 flag (bit 11). Default: set when the name is not ASCII. */
  readonly utf8Flag?: boolean;
  /** Name bytes written verbatim (e.g. CP437) instead of the prefixed `name` encoded as UTF-8. */
  readonly rawName?: Uint8Array;
  /** Values written into the headers instead of the true ones, to build hostile archives. */
  readonly lie?: ZipEntryLies;
}

export interface ZipEntryLies {
  readonly uncompressedSize?: number;
  readonly compressedSize?: number;
  readonly crc32?: number;
  /** Method number written while the data is still stored or deflated as asked. */
  readonly method?: number;
  /** OR-ed into the flags, e.g. 1 to claim encryption. */
  readonly extraFlags?: number;
}

export interface ZipWriterOptions {
  /** Prepended to every name: the "nested under a top-level folder" layout. */
  readonly prefix?: string;
  /** ZIP64 records and extra fields even where classic fields would do. */
  readonly forceZip64?: boolean;
}

export interface ZipFinishOptions {
  readonly comment?: Uint8Array;
  /** Drops this many bytes from the end of the central directory; the end records still claim all. */
  readonly cutCentralDirectory?: number;
}

interface CentralRecord {
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly isDirectory: boolean;
}

const LIMIT_32 = 0xffffffff;
const LIMIT_16 = 0xffff;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
/** 1980-01-01 00:00, the DOS epoch: fixtures are byte-for-byte reproducible. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const MADE_BY_UNIX = (3 << 8) | 30;
const utf8Encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

/**
 * Writes a zip archive entry by entry to a {@link ByteSink}. Streamed content goes out as it is
 * produced, with a data descriptor after it, so a 2 GB entry never sits in memory.
 */
export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];

  constructor(
    private readonly sink: ByteSink,
    private readonly options: ZipWriterOptions = {},
  ) {}

  /** Adds a directory entry (a trailing `/` is added when missing). */
  addDirectory(name: string): Promise<void> {
    return this.add({ name: name.endsWith('/') ? name : `${name}/`, method: 'stored' });
  }

  async add(entry: ZipEntryInput): Promise<void> {
    const content = entry.content ?? EMPTY;
    if (content instanceof Uint8Array) {
      await this.addBytes(entry, content);
    } else {
      await this.addStream(entry, content);
    }
  }

  /** Writes the central directory and end records, then closes the sink. */
  async finish(options: ZipFinishOptions = {}): Promise<void> {
    const directoryOffset = this.offset;
    const directory = this.records.map((record) => this.centralHeader(record));
    const directorySize = directory.reduce((sum, record) => sum + record.length, 0);
    await this.writeCut(directory, options.cutCentralDirectory ?? 0);
    const needsZip64 =
      this.options.forceZip64 === true ||
      this.records.length >= LIMIT_16 ||
      directoryOffset >= LIMIT_32 ||
      directorySize >= LIMIT_32;
    if (needsZip64) await this.writeZip64End(directoryOffset, directorySize);
    await this.emit(this.endRecord(directoryOffset, directorySize, needsZip64, options.comment ?? EMPTY));
    await this.sink.close();
  }

  private async addBytes(entry: ZipEntryInput, content: Uint8Array): Promise<void> {
    const method = resolveMethod(entry);
    const data = method === 8 ? deflateRawSync(content) : content;
    const record = this.describe(entry, method, 0, {
      crc: crc32(content),
      compressedSize: data.length,
      uncompressedSize: content.length,
    });
    const zip64 = this.usesZip64(record);
    const extra = zip64 ? zip64Extra([record.uncompressedSize, record.compressedSize]) : EMPTY;
    await this.emit(this.localHeader(record, zip64, extra));
    await this.emit(data);
    this.records.push(record);
  }

  private async addStream(entry: ZipEntryInput, content: AsyncIterable<Uint8Array>): Promise<void> {
    const method = resolveMethod(entry);
    const zip64 = this.options.forceZip64 === true;
    const placeholder = this.describe(entry, method, FLAG_DATA_DESCRIPTOR, {
      crc: 0,
      compressedSize: 0,
      uncompressedSize: 0,
    });
    await this.emit(this.localHeader(placeholder, zip64, zip64 ? zip64Extra([0, 0]) : EMPTY));
    const measured = await this.emitMeasured(content, method);
    if (!zip64 && (measured.compressedSize >= LIMIT_32 || measured.uncompressedSize >= LIMIT_32)) {
      throw new Error(`"${entry.name}" reached 4 GiB: create the writer with forceZip64`);
    }
    const record = this.describe(entry, method, FLAG_DATA_DESCRIPTOR, measured, placeholder.localHeaderOffset);
    await this.emit(dataDescriptor(record, zip64));
    this.records.push(record);
  }

  private async emitMeasured(
    content: AsyncIterable<Uint8Array>,
    method: number,
  ): Promise<{ crc: number; compressedSize: number; uncompressedSize: number }> {
    let crc = 0;
    let uncompressedSize = 0;
    let compressedSize = 0;
    async function* measure(): AsyncGenerator<Uint8Array> {
      for await (const chunk of content) {
        crc = crc32(chunk, crc);
        uncompressedSize += chunk.length;
        yield chunk;
      }
    }
    const output = method === 8 ? throughZlib(measure(), createDeflateRaw()) : measure();
    for await (const chunk of output) {
      compressedSize += chunk.length;
      await this.emit(chunk);
    }
    return { crc, compressedSize, uncompressedSize };
  }

  private describe(
    entry: ZipEntryInput,
    method: number,
    flags: number,
    truth: { crc: number; compressedSize: number; uncompressedSize: number },
    localHeaderOffset = this.offset,
  ): CentralRecord {
    const name = `${this.options.prefix ?? ''}${entry.name}`;
    const nameBytes = entry.rawName ?? utf8Encoder.encode(name);
    const utf8 = entry.utf8Flag ?? /[\u0080-\uffff]/.test(name);
    const lie = entry.lie ?? {};
    return {
      nameBytes,
      flags: flags | (utf8 ? FLAG_UTF8 : 0) | (lie.extraFlags ?? 0),
      method: lie.method ?? method,
      crc: lie.crc32 ?? truth.crc,
      compressedSize: lie.compressedSize ?? truth.compressedSize,
      uncompressedSize: lie.uncompressedSize ?? truth.uncompressedSize,
      localHeaderOffset,
      isDirectory: name.endsWith('/'),
    };
  }

  private usesZip64(record: CentralRecord): boolean {
    return (
      this.options.forceZip64 === true ||
      record.compressedSize >= LIMIT_32 ||
      record.uncompressedSize >= LIMIT_32 ||
      record.localHeaderOffset >= LIMIT_32
    );
  }

  private localHeader(record: CentralRecord, zip64: boolean, extra: Uint8Array): Uint8Array {
    return new RecordBuilder(30 + record.nameBytes.length + extra.length)
      .u32(0x04034b50)
      .u16(zip64 ? 45 : 20)
      .u16(record.flags)
      .u16(record.method)
      .u16(DOS_TIME)
      .u16(DOS_DATE)
      .u32(record.crc)
      .u32(zip64 ? LIMIT_32 : record.compressedSize)
      .u32(zip64 ? LIMIT_32 : record.uncompressedSize)
      .u16(record.nameBytes.length)
      .u16(extra.length)
      .raw(record.nameBytes)
      .raw(extra)
      .build();
  }

  private centralHeader(record: CentralRecord): Uint8Array {
    const zip64 = this.usesZip64(record);
    const extra = zip64
      ? zip64Extra([record.uncompressedSize, record.compressedSize, record.localHeaderOffset])
      : EMPTY;
    return new RecordBuilder(46 + record.nameBytes.length + extra.length)
      .u32(0x02014b50)
      .u16(MADE_BY_UNIX)
      .u16(zip64 ? 45 : 20)
      .u16(record.flags)
      .u16(record.method)
      .u16(DOS_TIME)
      .u16(DOS_DATE)
      .u32(record.crc)
      .u32(zip64 ? LIMIT_32 : record.compressedSize)
      .u32(zip64 ? LIMIT_32 : record.uncompressedSize)
      .u16(record.nameBytes.length)
      .u16(extra.length)
      .u16(0)
      .u16(0)
      .u16(0)
      .u32(unixMode(record.isDirectory) * 0x10000 + (record.isDirectory ? 0x10 : 0))
      .u32(zip64 ? LIMIT_32 : record.localHeaderOffset)
      .raw(record.nameBytes)
      .raw(extra)
      .build();
  }

  private async writeZip64End(directoryOffset: number, directorySize: number): Promise<void> {
    const recordOffset = this.offset;
    const count = this.records.length;
    await this.emit(
      new RecordBuilder(56)
        .u32(0x06064b50)
        .u64(44)
        .u16(MADE_BY_UNIX)
        .u16(45)
        .u32(0)
        .u32(0)
        .u64(count)
        .u64(count)
        .u64(directorySize)
        .u64(directoryOffset)
        .build(),
    );
    await this.emit(new RecordBuilder(20).u32(0x07064b50).u32(0).u64(recordOffset).u32(1).build());
  }

  private endRecord(directoryOffset: number, directorySize: number, zip64: boolean, comment: Uint8Array): Uint8Array {
    const count = zip64 ? LIMIT_16 : this.records.length;
    return new RecordBuilder(22 + comment.length)
      .u32(0x06054b50)
      .u16(0)
      .u16(0)
      .u16(count)
      .u16(count)
      .u32(zip64 ? LIMIT_32 : directorySize)
      .u32(zip64 ? LIMIT_32 : directoryOffset)
      .u16(comment.length)
      .raw(comment)
      .build();
  }

  private async writeCut(directory: readonly Uint8Array[], cut: number): Promise<void> {
    let remaining = directory.reduce((sum, record) => sum + record.length, 0) - cut;
    for (const record of directory) {
      if (remaining <= 0) return;
      await this.emit(record.subarray(0, Math.min(record.length, remaining)));
      remaining -= record.length;
    }
  }

  private async emit(chunk: Uint8Array): Promise<void> {
    await this.sink.write(chunk);
    this.offset += chunk.length;
  }
}

function resolveMethod(entry: ZipEntryInput): number {
  const method = entry.method ?? (entry.name.endsWith('/') ? 'stored' : 'deflated');
  return method === 'deflated' ? 8 : 0;
}

function unixMode(isDirectory: boolean): number {
  return isDirectory ? 0o40755 : 0o100644;
}

function dataDescriptor(record: CentralRecord, zip64: boolean): Uint8Array {
  const builder = new RecordBuilder(zip64 ? 24 : 16).u32(0x08074b50).u32(record.crc);
  return zip64
    ? builder.u64(record.compressedSize).u64(record.uncompressedSize).build()
    : builder.u32(record.compressedSize).u32(record.uncompressedSize).build();
}

import { createHash } from 'node:crypto';
import { RecordBuilder } from '../zip/index.js';

const PAGE_SIZE = 4096;
const HASH_SIZE = 32;
const HASH_TYPE_SHA256 = 2;
/** Version 0x20400 adds the executable segment fields; its fixed header is 88 bytes. */
const VERSION = 0x20400;
const HEADER_SIZE = 88;
const EXEC_SEG_MAIN_BINARY = 1;

export interface CodeDirectoryInput {
  readonly identifier: string;
  readonly teamId?: string;
  /** The image bytes the signature covers: everything before the signature itself. */
  readonly code: Uint8Array;
  /** Size of the __TEXT segment (the executable segment). */
  readonly textSize: number;
}

/** Byte length of the CodeDirectory {@link buildCodeDirectory} will produce. */
export function codeDirectoryLength(identifier: string, teamId: string | undefined, codeLength: number): number {
  const strings = cString(identifier).length + (teamId === undefined ? 0 : cString(teamId).length);
  return HEADER_SIZE + strings + Math.ceil(codeLength / PAGE_SIZE) * HASH_SIZE;
}

/** A SHA-256 CodeDirectory blob with one hash per 4 KiB page, as codesign writes it. */
export function buildCodeDirectory(input: CodeDirectoryInput): Uint8Array {
  const identifier = cString(input.identifier);
  const team = input.teamId === undefined ? new Uint8Array(0) : cString(input.teamId);
  const pages = Math.ceil(input.code.length / PAGE_SIZE);
  const identOffset = HEADER_SIZE;
  const teamOffset = input.teamId === undefined ? 0 : identOffset + identifier.length;
  const hashOffset = identOffset + identifier.length + team.length;
  const length = hashOffset + pages * HASH_SIZE;
  const blob = new RecordBuilder(length, false)
    .u32(0xfade0c02)
    .u32(length)
    .u32(VERSION)
    .u32(0)
    .u32(hashOffset)
    .u32(identOffset)
    .u32(0)
    .u32(pages)
    .u32(input.code.length)
    .u8(HASH_SIZE)
    .u8(HASH_TYPE_SHA256)
    .u8(0)
    .u8(Math.log2(PAGE_SIZE))
    .u32(0)
    .u32(0)
    .u32(teamOffset)
    .u32(0)
    .u64(0)
    .u64(0)
    .u64(input.textSize)
    .u64(EXEC_SEG_MAIN_BINARY)
    .raw(identifier)
    .raw(team);
  for (let page = 0; page < pages; page++) {
    blob.raw(sha256(input.code.subarray(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)));
  }
  return blob.build();
}

function cString(text: string): Uint8Array {
  return new TextEncoder().encode(`${text}\0`);
}

function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}

/** Values from <mach-o/loader.h>, <mach-o/fat.h> and the code signing blob formats. */
export const MachMagic = {
  /** 32-bit, as read big-endian: the file's byte order matches the reader's. */
  thin32: 0xfeedface,
  thin64: 0xfeedfacf,
  /** The same magics stored in the other byte order. */
  thin32Swapped: 0xcefaedfe,
  thin64Swapped: 0xcffaedfe,
  fat32: 0xcafebabe,
  fat64: 0xcafebabf,
  fat32Swapped: 0xbebafeca,
  fat64Swapped: 0xbfbafeca,
} as const;

export const HeaderSize = { thin32: 28, thin64: 32, fat: 8, fatArch32: 20, fatArch64: 32 } as const;

export const LC_CODE_SIGNATURE = 0x1d;

/** Code signing blobs are big-endian whatever the binary's byte order. */
export const BlobMagic = {
  superBlob: 0xfade0cc0,
  codeDirectory: 0xfade0c02,
  requirements: 0xfade0c01,
  cmsWrapper: 0xfade0b01,
} as const;

export const SlotType = { codeDirectory: 0, requirements: 2, cmsSignature: 0x10000 } as const;

export const CpuType = { x86: 7, x86_64: 0x01000007, arm: 12, arm64: 0x0100000c } as const;

/** Bounds that no real binary comes near; they keep a crafted header from costing memory. */
export const Limits = {
  /** Real fat binaries hold a handful of slices; Java class files share the fat magic. */
  maxFatArchs: 32,
  maxLoadCommandBytes: 16 * 1024 * 1024,
  maxSuperBlobSlots: 1024,
  maxCmsBytes: 4 * 1024 * 1024,
} as const;

/** Architectures the stub builder knows, with the header values a linker would write. */
export type MachOCpu = 'arm64' | 'x86_64' | 'armv7' | 'ppc' | 'ppc64';

export interface CpuLayout {
  readonly cpuType: number;
  readonly cpuSubtype: number;
  readonly is64: boolean;
  readonly littleEndian: boolean;
  /** log2 of the slice alignment inside a fat binary. */
  readonly alignment: number;
}

const ABI64 = 0x01000000;

export const CPU_LAYOUTS: Readonly<Record<MachOCpu, CpuLayout>> = {
  arm64: { cpuType: ABI64 | 12, cpuSubtype: 0, is64: true, littleEndian: true, alignment: 14 },
  x86_64: { cpuType: ABI64 | 7, cpuSubtype: 3, is64: true, littleEndian: true, alignment: 12 },
  armv7: { cpuType: 12, cpuSubtype: 9, is64: false, littleEndian: true, alignment: 14 },
  ppc: { cpuType: 18, cpuSubtype: 0, is64: false, littleEndian: false, alignment: 12 },
  ppc64: { cpuType: ABI64 | 18, cpuSubtype: 0, is64: true, littleEndian: false, alignment: 12 },
};

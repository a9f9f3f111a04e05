/** Mach-O stub builders: thin and fat executables with real code signature structures. */
export { buildCodeDirectory, type CodeDirectoryInput } from './code-directory.js';
export { CPU_LAYOUTS, type MachOCpu } from './cpu.js';
export { buildFatMachO, type FatOptions } from './fat.js';
export { buildThinMachO, type MachOImageSpec, type MachOSignatureSpec } from './image.js';
export { buildSuperBlob } from './super-blob.js';

import { createEnrollmentCa, openEnrollmentCa, type CaMaterial, type CreateEnrollmentCaOptions, type EnrollmentCa } from './ca.js';

/** Where the enrollment CA lives between restarts (a file in the data dir, a secret store, …). */
export interface CaStore {
  /** The stored CA, or `null` before the first start. */
  load(): Promise<CaMaterial | null>;
  /**
   * Stores `material` unless a CA is stored already: the first writer wins, so two processes
   * starting together end up with the same CA once both reload.
   */
  save(material: CaMaterial): Promise<void>;
}

/**
 * The stored enrollment CA, created and saved on first start. Losing it orphans every enrolled
 * device (their identities no longer verify), so a stored CA is never replaced here: a broken
 * one fails with `mdm.ca_invalid` for an operator to fix.
 */
export async function loadOrCreateEnrollmentCa(store: CaStore, options: CreateEnrollmentCaOptions = {}): Promise<EnrollmentCa> {
  const stored = await store.load();
  if (stored) return openEnrollmentCa(stored);
  await store.save(await createEnrollmentCa(options));
  const saved = await store.load();
  if (!saved) throw new Error('the enrollment CA store lost the CA it just saved');
  return openEnrollmentCa(saved);
}

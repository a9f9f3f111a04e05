import type { en } from './en';

/** The shape of a dictionary: the English one's. `const nl: Messages` must match it key for key. */
export type Messages = typeof en;

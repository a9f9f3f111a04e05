import { en } from './en';
import type { Language } from './language';
import type { Messages } from './messages';
import { nl } from './nl';

/** The dictionary of each language. */
export const DICTIONARIES: Readonly<Record<Language, Messages>> = { en, nl };

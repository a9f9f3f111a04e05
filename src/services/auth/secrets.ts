import { createHash, randomBytes } from 'node:crypto';

/** Every API token starts with this, so leaked tokens are easy to recognise and scan for. */
export const API_TOKEN_PREFIX = 'prv_';

const SECRET_BYTES = 32;
const API_TOKEN_PATTERN = /^prv_[A-Za-z0-9_-]{43}$/;

/** 256 random bits, URL-safe: session ids, CSRF tokens. */
export function randomSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** A new API token, `prv_` followed by 256 random bits. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomSecret()}`;
}

/** True when `text` has the shape of an API token (says nothing about whether it is valid). */
export function looksLikeApiToken(text: string): boolean {
  return API_TOKEN_PATTERN.test(text);
}

/**
 * The form a secret is stored in: SHA-256, hex. Secrets are 256 random bits, so a fast hash is
 * enough (no guessing to slow down), and lookups by hash stay a simple index scan.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

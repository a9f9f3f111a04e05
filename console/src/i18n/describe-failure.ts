import { ApiFailure } from '../api/api-failure';
import type { Formatters } from './format';
import type { Messages } from './messages';

type KnownCode = keyof Messages['errors']['codes'];
type UnreadableReason = keyof Messages['errors']['reasons'];
type UploadedFile = keyof Messages['errors']['files'];

/** Code families of the file parsers: a failure in one of them means a file could not be read. */
const PARSER_FAMILIES = ['input', 'zip', 'ipa', 'macho', 'plist', 'asn1', 'x509', 'cms', 'profile'];

/** The kind of failure each status stands for, when the code itself is not known. */
const KIND_BY_STATUS: Readonly<Record<number, KnownCode>> = {
  0: 'network',
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  503: 'unavailable',
};

/**
 * Sentences explaining a failed request in the chosen language, one per problem: every upload
 * rule that was broken, the apps still using a profile, the file that could not be read and why.
 */
export function describeFailure(error: unknown, m: Messages, format: Formatters): string[] {
  if (!(error instanceof ApiFailure)) return [m.errors.codes.internal];
  const violations = violationsOf(error.details);
  if (violations.length > 0) return violations.map((violation) => describeViolation(violation, m));
  return [describeOne(error, m, format)];
}

interface Violation {
  readonly code: string;
  readonly message: string;
  readonly bundleId: string | null;
  /** The UUID of the older version a "replace older versions" check failed for. */
  readonly olderVersion: string | null;
}

function describeViolation(violation: Violation, m: Messages): string {
  const sentence = knownCode(violation.code, m) ?? `${m.errors.unknown(violation.code)} ${violation.message}`;
  if (violation.olderVersion !== null) return m.errors.inOlderVersion(violation.olderVersion, violation.bundleId, sentence);
  return violation.bundleId === null ? sentence : m.errors.inBundle(violation.bundleId, sentence);
}

function describeOne(failure: ApiFailure, m: Messages, format: Formatters): string {
  const users = appNamesOf(failure.details);
  if (failure.code === 'profile.in_use' && users.length > 0) return m.errors.profileInUse(format.list(users));
  if (failure.status === 413) return describeTooLarge(failure.details, m, format);
  const file = unreadableFile(failure);
  if (file !== undefined) return m.errors.unreadable(m.errors.files[file], reasonOf(failure.code, m));
  return knownCode(failure.code, m) ?? fallback(failure, m);
}

function knownCode(code: string, m: Messages): string | undefined {
  return Object.hasOwn(m.errors.codes, code) ? m.errors.codes[code as KnownCode] : undefined;
}

function fallback(failure: ApiFailure, m: Messages): string {
  if (failure.status >= 500) return m.errors.codes.internal;
  const kind = KIND_BY_STATUS[failure.status];
  return kind === undefined ? m.errors.unknown(failure.code) : m.errors.codes[kind];
}

function describeTooLarge(details: unknown, m: Messages, format: Formatters): string {
  const field = property(details, 'field');
  const limit = property(details, 'limitBytes');
  const file = field === 'ipa' || field === 'profile' ? m.errors.files[field] : m.errors.files.ipa;
  return m.errors.tooLarge(file, typeof limit === 'number' ? format.bytes(limit) : '?');
}

/** The uploaded file a parser failure concerns, when the failure is one. */
function unreadableFile(failure: ApiFailure): UploadedFile | undefined {
  const family = failure.code.split('.')[0] ?? '';
  if (failure.status !== 422 || !PARSER_FAMILIES.includes(family)) return undefined;
  const file = property(failure.details, 'file');
  return file === 'ipa' || file === 'profile' ? file : undefined;
}

function reasonOf(code: string, m: Messages): string {
  return Object.hasOwn(m.errors.reasons, code) ? m.errors.reasons[code as UnreadableReason] : m.errors.reasons.damaged;
}

function violationsOf(details: unknown): Violation[] {
  const list = property(details, 'violations');
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const code = property(item, 'code');
    const message = property(item, 'message');
    const bundleId = property(item, 'bundleId');
    const uuid = property(item, 'uuid');
    if (typeof code !== 'string') return [];
    return [{ code, message: typeof message === 'string' ? message : '', bundleId: typeof bundleId === 'string' ? bundleId : null, olderVersion: typeof uuid === 'string' ? uuid : null }];
  });
}

function appNamesOf(details: unknown): string[] {
  const apps = property(details, 'apps');
  if (!Array.isArray(apps)) return [];
  return apps.flatMap((app: unknown) => {
    const name = property(app, 'name');
    return typeof name === 'string' ? [name] : [];
  });
}

function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

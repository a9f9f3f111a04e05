import { z } from 'zod';
import { requestFailed, type CliError } from './cli-error.js';

const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

const violations = z.object({
  violations: z.array(z.object({ code: z.string(), message: z.string() })),
});
const issues = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });

/**
 * The CLI message for an error response: the API's message and stable code, the HTTP status,
 * and the specifics the API listed (every broken upload rule, every invalid field). A body that
 * is not the API's error shape (a proxy's error page) says so instead.
 */
export function apiFailure(status: number, statusText: string, bodyText: string): CliError {
  const parsed = errorBody.safeParse(parseJson(bodyText));
  if (!parsed.success) {
    return requestFailed(`the server answered HTTP ${status} ${statusText} without a Provisio error (is this a Provisio server?)`);
  }
  const { code, message, details } = parsed.data.error;
  const hint = status === 401 ? ' — check --token or PROVISIO_TOKEN' : '';
  return requestFailed(`${message} [${code}] (HTTP ${status})${hint}`, detailLines(details));
}

function detailLines(details: unknown): string[] {
  const refused = violations.safeParse(details);
  if (refused.success) return refused.data.violations.map((item) => `- [${item.code}] ${item.message}`);
  const invalid = issues.safeParse(details);
  if (invalid.success) return invalid.data.issues.map((issue) => `- ${issue.path || '(body)'}: ${issue.message}`);
  return [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

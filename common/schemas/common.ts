import { z } from 'zod';
import { errorCodes } from '../errors';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const errorBody = z.object({
  code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
  message: z.string(),
  requestId: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const idParams = z.object({ id: z.uuid() });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    /** true when total is an estimate (lists count exactly up to 10,000): shown as 约 … */
    totalEstimated: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

// ---------------------------------------------------------------------------------------------
// Safe text: the one rule for what a text field may hold, applied to every request input
// (body, query string, path) by the server's validator before the route's own schema.
// ---------------------------------------------------------------------------------------------

/**
 * Control characters (tab, line feed and carriage return allowed), zero-width characters, bidirectional
 * marks, overrides and isolates, the byte-order mark and the non-characters U+FFFE/U+FFFF; with the `u`
 * flag the surrogate range matches only lone (unpaired) surrogates.
 */
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** The first character a text field may not hold, as `U+0000`, or null when the text is clean. */
export function unsafeCharacter(text: string): string | null {
  const m = UNSAFE_CHARACTER.exec(text);
  if (!m) return null;
  return `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The issue's `params.reason`, so that the server words the message in the user's language. */
export const UNSAFE_TEXT = 'unsafe_text';

const unsafeTextMessage = (char: string) => `含有不允许的控制字符或不可见字符（${char}） / contains a control or invisible character (${char})`;

function checkText(value: unknown, path: PropertyKey[], ctx: z.RefinementCtx, depth = 0): boolean {
  if (typeof value === 'string') {
    const char = unsafeCharacter(value);
    if (char) ctx.addIssue({ code: 'custom', path, message: unsafeTextMessage(char), params: { reason: UNSAFE_TEXT, char } });
    return !char;
  }
  if (value === null || typeof value !== 'object' || depth > 32) return true;
  if (Array.isArray(value)) return value.every((v, i) => checkText(v, [...path, i], ctx, depth + 1));
  for (const [key, v] of Object.entries(value)) {
    if (!checkText(key, [...path, key], ctx, depth + 1) || !checkText(v, [...path, key], ctx, depth + 1)) return false;
  }
  return true;
}

/** Any request input (any shape) whose strings, at any depth, all pass `unsafeCharacter`; the first bad one is named. */
export const safeInput = z.unknown().superRefine((value, ctx) => void checkText(value, [], ctx));

/** A text field under the safe-text rule, for schemas checked outside the server's validator (the web's forms). */
export const text = () =>
  z.string().superRefine((v, ctx) => {
    const char = unsafeCharacter(v);
    if (char) ctx.addIssue({ code: 'custom', message: unsafeTextMessage(char), params: { reason: UNSAFE_TEXT, char } });
  });

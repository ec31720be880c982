import type { FormInstance } from 'antd';
import type { FieldError } from '../../../common/errors';
import { isApiError } from './api';

/** "scopes.0.value" → ['scopes', 0, 'value'], the name path antd's Form.List uses. */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows the field messages of an error (VALIDATION, or a DUPLICATE/CONFLICT naming its field) on the
 * matching form fields.
 * Returns true when every field message found a field; otherwise the caller should also show
 * the error's own message, so that nothing the server said is lost.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  knownFields: readonly string[],
  /** maps a server path to the form's own, where they differ */
  rename: (path: string) => string = (path) => path,
): boolean {
  if (!isApiError(error) || error.fields.length === 0) return false;
  const shown: FieldError[] = error.fields
    .map((field) => ({ ...field, path: rename(field.path) }))
    .filter((field) => knownFields.includes(field.path.split('.')[0] ?? ''));
  const byPath = new Map<string, string[]>();
  for (const field of shown) byPath.set(field.path, [...(byPath.get(field.path) ?? []), field.message]);
  form.setFields([...byPath].map(([path, errors]) => ({ name: toNamePath(path), errors })));
  return shown.length === error.fields.length;
}

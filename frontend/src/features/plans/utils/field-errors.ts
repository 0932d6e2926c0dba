import { ApiError } from '@/lib/api-client';

/** Field path, as the API names it in a problem's `errors[].field` (`title`, `targets[0].year`) → message. */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fieldErrors : {};
}

/**
 * The message for one field. With `nested`, also those of its entries and members (`recipients[2]`,
 * `timeframe.startYear`), for a control that edits the whole list or object.
 */
export function errorFor(
  errors: FieldErrors,
  field: string,
  { nested = false }: { nested?: boolean } = {},
): string | undefined {
  const messages = Object.entries(errors)
    .filter(
      ([path]) =>
        path === field ||
        (nested && (path.startsWith(`${field}[`) || path.startsWith(`${field}.`))),
    )
    .map(([, message]) => message);
  return messages.length ? messages.join(' ') : undefined;
}

/** The messages no control on screen shows (`placed` says which fields have one): listed with the form's alert. */
export function unplacedErrors(errors: FieldErrors, placed: (field: string) => boolean): string[] {
  return Object.entries(errors)
    .filter(([field]) => !placed(field))
    .map(([, message]) => message);
}

/** `legalBases[3].citation` → `{ list: 'legalBases', index: 3, member: 'citation' }`. */
export function listEntry(
  field: string,
): { list: string; index: number; member: string | undefined } | null {
  const match = /^([A-Za-z.]+)\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (!match) return null;
  return { list: match[1]!, index: Number(match[2]), member: match[3] };
}

/** Keeps the errors whose field is not `field` (or inside it): once a control is changed, its error is stale. */
export function withoutError(errors: FieldErrors, field: string): FieldErrors {
  const inside = (path: string) =>
    path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`);
  if (!Object.keys(errors).some(inside)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !inside(path)));
}

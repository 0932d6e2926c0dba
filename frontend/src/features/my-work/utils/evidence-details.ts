import type { components } from '@/api/schema';
import { ApiError } from '@/lib/api-client';

type Evidence = components['schemas']['Evidence'];
export type EvidenceUpdate = components['schemas']['EvidenceUpdate'];
export type EvidenceLinkCreate = components['schemas']['EvidenceLinkCreate'];

/** What describes a document (its title and the official document's number, date, issuer and summary). */
export const detailFields = ['title', 'docNumber', 'docDate', 'issuer', 'summary'] as const;
export type DetailField = (typeof detailFields)[number];
export type DetailValues = Record<DetailField, string>;

/** A link is described the same way, and has its address. */
export const linkFields = ['url', ...detailFields] as const;
export type LinkField = (typeof linkFields)[number];
export type LinkValues = Record<LinkField, string>;

/** Why a field cannot be sent as typed: the key of its message under `work.errors`. */
export type FieldProblem = 'titleRequired' | 'urlRequired' | 'badDate';

/** The longest value the API takes for each field; the inputs stop there. */
export const maxLengths: Record<LinkField, number> = {
  url: 2000,
  title: 500,
  docNumber: 100,
  docDate: 10,
  issuer: 500,
  summary: 4000,
};

export const emptyDetails: DetailValues = {
  title: '',
  docNumber: '',
  docDate: '',
  issuer: '',
  summary: '',
};

export const emptyLink: LinkValues = { url: '', ...emptyDetails };

/** `2026-03-20` → `20/03/2026`, the way people write dates here. */
export function toDayMonthYear(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/**
 * `20/03/2026` (also `20/3/2026`, `20-03-2026`, `20.03.2026`) → `2026-03-20`; null when it is no such
 * day. Whether the day is in the future is the server's rule, and its answer says so.
 */
export function parseDayMonthYear(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The form's values for a document as it is stored. */
export function detailsFrom(evidence: Evidence): DetailValues {
  return {
    title: evidence.title,
    docNumber: evidence.docNumber ?? '',
    docDate: evidence.docDate ? toDayMonthYear(evidence.docDate) : '',
    issuer: evidence.issuer ?? '',
    summary: evidence.summary ?? '',
  };
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The description to send, or the problems of the fields that cannot be read. */
export function readDetails(values: DetailValues): {
  body: EvidenceUpdate;
  problems: Partial<Record<DetailField, FieldProblem>>;
} {
  const problems: Partial<Record<DetailField, FieldProblem>> = {};
  const title = blankToNull(values.title);
  if (!title) problems.title = 'titleRequired';
  const typedDate = blankToNull(values.docDate);
  const docDate = typedDate ? parseDayMonthYear(typedDate) : null;
  if (typedDate && !docDate) problems.docDate = 'badDate';
  return {
    body: {
      title: title ?? '',
      docNumber: blankToNull(values.docNumber),
      docDate,
      issuer: blankToNull(values.issuer),
      summary: blankToNull(values.summary),
    },
    problems,
  };
}

/** A link to register: its address and description (the reports to attach it to are added by the caller). */
export function readLink(values: LinkValues): {
  body: EvidenceLinkCreate;
  problems: Partial<Record<LinkField, FieldProblem>>;
} {
  const details = readDetails(values);
  const url = blankToNull(values.url);
  const problems: Partial<Record<LinkField, FieldProblem>> = {
    ...(url ? {} : { url: 'urlRequired' as const }),
    ...details.problems,
  };
  return { body: { url: url ?? '', ...details.body }, problems };
}

/**
 * A refusal's field errors, split into those a form shows next to its own fields and the other
 * messages (those not already said by the problem's detail).
 */
export function placeFieldErrors<F extends string>(
  error: unknown,
  shown: readonly F[],
): { onFields: Partial<Record<F, string>>; others: string[] } {
  const onFields: Partial<Record<F, string>> = {};
  const others: string[] = [];
  if (error instanceof ApiError) {
    for (const [field, message] of Object.entries(error.fieldErrors)) {
      if ((shown as readonly string[]).includes(field)) onFields[field as F] = message;
      else if (message !== error.detail) others.push(message);
    }
  }
  return { onFields, others };
}

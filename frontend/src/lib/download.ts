import { useMutation } from '@tanstack/react-query';
import { ApiError, toApiError, toNetworkError } from '@/lib/api-client';

/** How long a saved file's object URL stays valid, for the browser to finish writing it. */
const objectUrlLifetimeMs = 60_000;

/** Characters no operating system accepts in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const unsafeInFileName = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

function cleanFileName(name: string): string | null {
  const cleaned = name.replace(unsafeInFileName, '_').trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? null : cleaned;
}

/** Splits a header value on `;` outside double-quoted strings. */
function parameters(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const char = header[i]!;
    if (char === '\\' && quoted && i + 1 < header.length) {
      current += char + header[i + 1]!;
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** An RFC 8187 extended value: `charset'language'percent-encoded`. Only UTF-8 (and ASCII) are read. */
function extendedValue(value: string): string | null {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = match[1]!.toLowerCase();
  if (charset !== 'utf-8' && charset !== 'us-ascii') return null;
  try {
    return decodeURIComponent(match[2]!);
  } catch {
    return null;
  }
}

function quotedValue(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}

/**
 * The file name a `Content-Disposition` header gives: `filename*` (RFC 8187, UTF-8 percent-encoded) when present
 * and readable, else `filename`; null when there is none. Path separators and characters file systems refuse are
 * replaced, so the name is always safe to save under.
 */
export function fileNameFromContentDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  let extended: string | null = null;
  let plain: string | null = null;
  for (const part of parameters(header).slice(1)) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    const value = part.slice(equals + 1).trim();
    if (name === 'filename*' && extended === null) extended = extendedValue(value);
    if (name === 'filename' && plain === null) plain = quotedValue(value);
  }
  return (
    (extended === null ? null : cleanFileName(extended)) ??
    (plain === null ? null : cleanFileName(plain))
  );
}

/** Saves a blob as a file, through an object URL and a link with `download`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), objectUrlLifetimeMs);
}

type BlobResult = { data?: Blob; error?: unknown; response: Response };

/**
 * Awaits an apiClient call made with `parseAs: 'blob'` (so it carries the access token) and saves the file under
 * the name the server gives, or `fallbackName`. Resolves with the name used; rejects with an ApiError.
 */
export async function downloadFile(
  call: Promise<BlobResult>,
  fallbackName: string,
): Promise<string> {
  let result: BlobResult;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw toNetworkError(cause);
  }
  const { data, error, response } = result;
  if (!response.ok || !data) throw toApiError(response, error);
  const fileName =
    fileNameFromContentDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(data, fileName);
  return fileName;
}

/**
 * A download a button starts: `start(key, run)` runs one at a time, `busyKey` names the one under way (for the
 * button's busy state), and `error` is the last failure (its problem detail is what to show).
 */
export function useFileDownload() {
  const mutation = useMutation({
    mutationFn: ({ run }: { key: string; run: () => Promise<string> }) => run(),
  });
  return {
    start(key: string, run: () => Promise<string>) {
      if (mutation.isPending) return;
      mutation.mutate({ key, run });
    },
    busyKey: mutation.isPending ? mutation.variables.key : null,
    error: mutation.error,
    reset: mutation.reset,
  };
}

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';
import { getSession, subscribeSession } from '@/lib/auth';
import { reportQueryKey } from '@/features/my-work/api/get-report';

type Progress = (loaded: number, total: number) => void;

/** Statuses without a body, which `new Response()` refuses one for. */
const nullBodyStatuses = new Set([101, 204, 205, 304]);

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

function abortError(): Error {
  const error = new Error('The upload was cancelled.');
  error.name = 'AbortError';
  return error;
}

/**
 * A fetch that sends `file` with XMLHttpRequest, the one browser API that reports upload progress.
 * It takes the request the API client prepared (URL, Authorization, language), so the session's
 * token handling, a retry after a 401 included, applies to uploads as to every other call.
 */
function uploadingFetch(file: File, onProgress: Progress) {
  return (request: Request) =>
    new Promise<Response>((resolve, reject) => {
      if (request.signal.aborted) {
        reject(abortError());
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (event) =>
        onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onload = () =>
        resolve(
          new Response(nullBodyStatuses.has(xhr.status) ? null : xhr.responseText, {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: parseHeaders(xhr.getAllResponseHeaders()),
          }),
        );
      xhr.onerror = () => reject(new TypeError('The upload did not reach the server.'));
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = () => reject(abortError());
      request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      onProgress(0, file.size);
      xhr.send(file);
    });
}

/**
 * Uploads a file as the request body (the streaming upload), attached to `reportId` at once.
 * The server decides the type from the content and answers 413/415 with a problem.
 */
export function uploadEvidence(
  file: File,
  reportId: string,
  onProgress: Progress,
  signal?: AbortSignal,
) {
  return unwrap(
    apiClient.POST('/api/v1/evidence/stream', {
      params: { query: { fileName: file.name, reportId: [reportId] } },
      // The contract types a binary body as a string; the file itself goes out through XHR.
      body: file as unknown as string,
      bodySerializer: () => undefined,
      headers: { 'Content-Type': 'application/octet-stream' },
      fetch: uploadingFetch(file, onProgress),
      signal,
    }),
  );
}

export type Upload = {
  id: string;
  reportId: string;
  file: File;
  loaded: number;
  total: number;
  status: 'uploading' | 'failed';
  error: ApiError | null;
};

/*
 * Uploads in progress live outside the components: on a slow line a reporter may go back to the
 * list and return, or the report may be created while its first files start, and the progress
 * must still be there.
 */
const uploads = new Map<string, Upload>();
const controllers = new Map<string, AbortController>();
const byReport = new Map<string, readonly Upload[]>();
/** Per report, the documents uploaded in this visit whose description the uploader may still add. */
const justUploaded = new Map<string, readonly string[]>();
const listeners = new Set<() => void>();
const none: readonly Upload[] = [];
const noIds: readonly string[] = [];
let sequence = 0;

function notify() {
  for (const listener of listeners) listener();
}

function publish(reportId: string) {
  const list = [...uploads.values()].filter((upload) => upload.reportId === reportId);
  if (list.length) byReport.set(reportId, list);
  else byReport.delete(reportId);
  notify();
}

function change(id: string, changes: Partial<Upload>) {
  const upload = uploads.get(id);
  if (!upload) return;
  uploads.set(id, { ...upload, ...changes });
  publish(upload.reportId);
}

function remove(id: string) {
  const upload = uploads.get(id);
  if (!upload) return;
  uploads.delete(id);
  controllers.delete(id);
  publish(upload.reportId);
}

function run(id: string, queryClient: QueryClient) {
  const upload = uploads.get(id);
  if (!upload) return;
  const controller = new AbortController();
  controllers.set(id, controller);
  change(id, { status: 'uploading', loaded: 0, total: upload.file.size, error: null });
  uploadEvidence(
    upload.file,
    upload.reportId,
    (loaded, total) => change(id, { loaded, total }),
    controller.signal,
  ).then(
    (stored) => {
      justUploaded.set(upload.reportId, [...(justUploaded.get(upload.reportId) ?? []), stored.id]);
      remove(id);
      void queryClient.invalidateQueries({ queryKey: ['evidence'] });
      void queryClient.invalidateQueries({ queryKey: reportQueryKey(upload.reportId) });
    },
    (error: unknown) => {
      if (error instanceof Error && error.name === 'AbortError') {
        remove(id);
        return;
      }
      const failure =
        error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
      change(id, { status: 'failed', error: failure });
    },
  );
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

// Whoever signs in next must not see, or keep sending, the last person's files.
subscribeSession(() => {
  if (getSession().status !== 'signed-out') return;
  for (const controller of controllers.values()) controller.abort();
  const reports = new Set([...uploads.values()].map((upload) => upload.reportId));
  uploads.clear();
  controllers.clear();
  justUploaded.clear();
  for (const reportId of reports) publish(reportId);
  notify();
});

/** The uploads of one report that are running or failed (finished ones join its evidence). */
export function useUploads(reportId: string | undefined): readonly Upload[] {
  return useSyncExternalStore(subscribe, () =>
    reportId ? (byReport.get(reportId) ?? none) : none,
  );
}

/** The documents just uploaded to a report, which it offers to describe (number, date, issuer…). */
export function useJustUploaded(reportId: string | undefined): readonly string[] {
  return useSyncExternalStore(subscribe, () =>
    reportId ? (justUploaded.get(reportId) ?? noIds) : noIds,
  );
}

/** The uploader has described the document, or chosen not to. */
export function forgetJustUploaded(reportId: string, evidenceId: string) {
  const ids = justUploaded.get(reportId);
  if (!ids?.includes(evidenceId)) return;
  const rest = ids.filter((id) => id !== evidenceId);
  if (rest.length) justUploaded.set(reportId, rest);
  else justUploaded.delete(reportId);
  notify();
}

/** Starts, retries, cancels and dismisses uploads; each finished one refreshes the evidence. */
export function useUploadEvidence() {
  const queryClient = useQueryClient();
  return {
    start(files: readonly File[], reportId: string) {
      for (const file of files) {
        const id = `upload-${++sequence}`;
        uploads.set(id, {
          id,
          reportId,
          file,
          loaded: 0,
          total: file.size,
          status: 'uploading',
          error: null,
        });
        run(id, queryClient);
      }
    },
    retry(id: string) {
      run(id, queryClient);
    },
    cancel(id: string) {
      controllers.get(id)?.abort();
    },
    dismiss(id: string) {
      remove(id);
    },
  };
}

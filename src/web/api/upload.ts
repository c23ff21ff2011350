// Raw-body uploads (documents, CSV cohorts, figures, item packages) with upload progress. They send
// the session's CSRF token like the JSON client; only when the client has not seen it yet (a page
// opened straight on an upload form) is it read from GET /api/v1/me.
import { ApiError, getCsrfToken } from "./client";
import type { ApiErrorBody } from "./types";

async function currentCsrfToken(): Promise<string | undefined> {
  const known = getCsrfToken();
  if (known) return known;
  const response = await fetch("/api/v1/me", { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) return undefined;
  const data = (await response.json()) as { csrfToken?: string };
  return data.csrfToken;
}

export interface UploadOptions {
  contentType: string;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/** POSTs `body` as the raw request body and resolves with the parsed JSON answer; rejects with an ApiError. */
export async function uploadRaw<T>(url: string, body: Blob | ArrayBuffer | string, options: UploadOptions): Promise<T> {
  const token = await currentCsrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Content-Type", options.contentType);
    xhr.setRequestHeader("Accept", "application/json");
    if (token) xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const error = (data as ApiErrorBody | undefined)?.error;
      if (error && typeof error.message === "string") reject(new ApiError(xhr.status, error.code, error.message, error.details));
      else if (xhr.status === 413) reject(new ApiError(413, "PAYLOAD_TOO_LARGE", "The file is too large."));
      else reject(new ApiError(xhr.status, `HTTP_${xhr.status}`, `The server answered ${xhr.status} ${xhr.statusText}.`.trim()));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK_ERROR", "The server could not be reached. Check your connection and try again."));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    options.signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(body);
  });
}

import { ApiError, apiErrorFromText, currentCsrfToken } from './client.ts';

export type UploadOptions = {
  /** Called with 0…1 as the request body is sent. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/**
 * POSTs a file as multipart `file` and returns the parsed JSON answer. Uses XMLHttpRequest because
 * `fetch` cannot report upload progress; errors are the same `ApiError`s `apiRequest` throws.
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorFromText(xhr.status, xhr.responseText));
        return;
      }
      options.onProgress?.(1);
      try {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } catch {
        reject(new ApiError({ status: xhr.status, code: 'unknown_error', message: 'Unreadable answer' }));
      }
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network_error', message: 'Could not reach the server' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

import fs from 'fs';

interface TempFile { filepath?: string }

/** Every temp file koa-body (formidable) wrote for a request, whatever the multipart field names. */
export function tempFilesOf(files: unknown): string[] {
  if (!files || typeof files !== 'object') return [];
  return Object.values(files as Record<string, TempFile | TempFile[]>)
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map((file) => file?.filepath)
    .filter((filepath): filepath is string => typeof filepath === 'string');
}

/**
 * Goes before `strapi::body`: once a request is answered — upload accepted, refused or failed, on any
 * route — the temp files of its multipart body are deleted. (Strapi's body middleware removes only the
 * field `files`, and not when the request fails; formidable removes its files itself only when parsing
 * fails.) Services copy what they keep while the request runs.
 */
export default () => async (ctx: { request: { files?: unknown } }, next: () => Promise<void>) => {
  try {
    await next();
  } finally {
    await Promise.all(tempFilesOf(ctx.request.files).map((filepath) => fs.promises.rm(filepath, { force: true }).catch(() => undefined)));
  }
};

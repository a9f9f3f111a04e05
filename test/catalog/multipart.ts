import { randomBytes } from 'node:crypto';

/** A file part of a multipart form. */
export interface FormFile {
  readonly name: string;
  readonly fileName: string;
  readonly content: Uint8Array;
}

/** A multipart/form-data body and its content type, as a browser or curl would send it. */
export function multipartForm(fields: Readonly<Record<string, string>>, files: readonly FormFile[]) {
  const boundary = `----provisio${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\n`;
    chunks.push(Buffer.from(`${head}Content-Type: application/octet-stream\r\n\r\n`), Buffer.from(file.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

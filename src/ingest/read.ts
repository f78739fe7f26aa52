import { readFile } from 'node:fs/promises';
import { IngestError } from './errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied: the file cannot be read (check its permissions)',
  EPERM: 'permission denied: the file cannot be read (check its permissions)',
  ENOTDIR: 'file not found (a folder in the path is a file)',
};

/** The file's bytes, or an IngestError saying why they cannot be had. */
export async function readBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new IngestError(REASONS[code] ?? `cannot read the file (${(error as Error).message})`, { cause: error });
  }
  if (bytes.length === 0) throw new IngestError('the file is empty (0 bytes)');
  return bytes;
}

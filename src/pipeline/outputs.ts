// Writes a file so that readers see either the old or the new content, never half of one: a killed run leaves the
// previous output in place.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

export async function writeLinesAtomic(path: string, lines: Iterable<string>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  try {
    for (const line of lines) if (!out.write(line + '\n')) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    await rename(tmp, path);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

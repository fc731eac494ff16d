import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Reads a secret kept in `dataDir/name`, or creates it with `generate()`.
 * Development only: it lets `npm start` run with no configuration and keeps the
 * same admin key and encryption key across restarts. The file is owner-only.
 */
export async function readOrCreateSecret(dataDir: string, name: string, generate: () => string): Promise<{ value: string; created: boolean; file: string }> {
  const file = join(dataDir, name);
  try {
    const value = (await readFile(file, 'utf8')).trim();
    if (value) return { value, created: false, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const value = generate();
  // `wx` fails if another process created it meanwhile, rather than overwriting its key.
  await writeFile(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, created: true, file };
}

export const generateAdminApiKey = () => `pcl_${randomBytes(32).toString('base64url')}`;
export const generateKeyEncryptionKey = () => randomBytes(32).toString('base64');

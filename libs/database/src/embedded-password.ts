import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';

/** The superuser password of every embedded cluster made before each got its own. */
export const LEGACY_PASSWORD = 'pressroom';

/** Where a cluster's password is kept: beside its data directory, which initdb wants empty. */
export function passwordFile(dataDir: string): string {
  return `${dataDir}.password`;
}

/** The password kept for `dataDir`'s cluster, or null when none was written yet. */
export async function readPassword(dataDir: string): Promise<string | null> {
  return readSecret(passwordFile(dataDir));
}

/**
 * A new random password for a cluster about to be created, written (mode 0600) before initdb
 * runs. When another process starting on the same folder wrote one first, that one is returned.
 */
export async function createPassword(dataDir: string): Promise<string> {
  const file = passwordFile(dataDir);
  const password = generatePassword();
  try {
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readSecret(file))!;
  }
  await chmod(file, 0o600); // whatever the umask
  return password;
}

/**
 * Moves a cluster made with LEGACY_PASSWORD to a password of its own. `alter` sets the password
 * on the server (connected with whichever of `candidates` works). The new password is written
 * aside first and renamed into place once the server has it, so a crash in between leaves the
 * new password still findable: it is tried before the legacy one on the next start.
 */
export async function upgradeLegacyPassword(
  dataDir: string,
  alter: (currentPasswords: string[], next: string) => Promise<void>,
): Promise<string> {
  const file = passwordFile(dataDir);
  const pending = `${file}.new`;
  const earlier = await readSecret(pending);
  const next = earlier ?? generatePassword();
  if (!earlier) await writeFile(pending, `${next}\n`, { mode: 0o600 });
  await chmod(pending, 0o600);
  await alter(earlier ? [earlier, LEGACY_PASSWORD] : [LEGACY_PASSWORD], next);
  await rename(pending, file);
  return next;
}

function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

async function readSecret(file: string): Promise<string | null> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return text?.trim() || null;
}

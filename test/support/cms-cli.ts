import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CMS = path.resolve('scripts/cms.mjs');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run cms -- ...args` as a user would (scripts/cms.mjs) against `databaseUrl`; a failure is an outcome, not a throw. */
export async function runCms(databaseUrl: string, ...args: string[]): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CMS, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliOutcome;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

import { spawn } from 'node:child_process';

/** Runs `body` in a fresh node process after installProcessSafety() (built @pressroom/database). */
function runGuarded(body: string): Promise<{ code: number | null; output: string }> {
  const script = `
    const { installProcessSafety } = await import('@pressroom/database');
    installProcessSafety();
    ${body}
    setTimeout(() => process.exit(0), 300);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('process-level safety of the API and worker processes', () => {
  it('logs a promise rejected with no handler, and lives', async () => {
    const { code, output } = await runGuarded(`Promise.reject(new Error('forgotten background work'));`);
    expect(code).toBe(0);
    expect(output).toContain('UNHANDLED_REJECTION');
    expect(output).toContain('forgotten background work');
  });

  it("logs a dropped connection's unhandled 'error' event, and lives", async () => {
    const { code, output } = await runGuarded(`
      const { EventEmitter } = await import('node:events');
      const lost = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      setTimeout(() => new EventEmitter().emit('error', lost), 10);`);
    expect(code).toBe(0);
    expect(output).toContain('DB_CONNECTION_ERROR');
  });

  it('logs any other uncaught exception and exits 1, so a supervisor restarts a clean process', async () => {
    const { code, output } = await runGuarded(`setTimeout(() => { throw new TypeError('a real bug'); }, 10);`);
    expect(code).toBe(1);
    expect(output).toContain('UNCAUGHT_EXCEPTION');
    expect(output).toContain('a real bug');
  });
});

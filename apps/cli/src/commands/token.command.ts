import type { Command } from 'commander';
import type { ApiTokenInfo } from '@pressroom/auth';
import { UsageError } from '../usage-error.js';

const ROLES = ['ADMIN', 'EDITOR'] as const;

/** `token create|list|revoke`: the secret goes alone to stdout, everything else to stderr. */
export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('create, list and revoke API tokens');

  token
    .command('create')
    .description('create a token and print its secret, once, alone on the last line of stdout')
    .requiredOption('--role <role>', 'ADMIN or EDITOR')
    .requiredOption('--name <name>', 'a unique name, recorded as the author of its edits')
    .action(async (options: { role: string; name: string }) => {
      const role = options.role.toUpperCase();
      if (!isRole(role)) throw new UsageError('--role must be ADMIN or EDITOR');
      const { createToken } = await import('./token.action.js');
      const { token: created, secret } = await createToken(options.name, role);
      process.stderr.write(
        `created ${created.role} token "${created.name}"; store the secret now, it is not shown again\n`,
      );
      process.stdout.write(`${secret}\n`);
    });

  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listTokens } = await import('./token.action.js');
      const tokens = await listTokens();
      process.stdout.write(options.json ? `${JSON.stringify(tokens)}\n` : table(tokens));
    });

  token
    .command('revoke')
    .description('revoke a token by name; requests with it are refused from now on')
    .argument('<name>', 'the token to revoke')
    .action(async (name: string) => {
      const { revokeToken } = await import('./token.action.js');
      const revoked = await revokeToken(name);
      process.stdout.write(`revoked "${revoked.name}" at ${revoked.revokedAt?.toISOString()}\n`);
    });
}

function isRole(role: string): role is (typeof ROLES)[number] {
  return (ROLES as readonly string[]).includes(role);
}

function table(tokens: ApiTokenInfo[]): string {
  if (!tokens.length) return 'no tokens\n';
  const rows = tokens.map((t) => [
    t.name,
    t.role,
    t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active',
    `created ${t.createdAt.toISOString()}`,
    t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : 'never used',
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

import { Controller, Get, HttpCode, Logger } from '@nestjs/common';
import { ServiceUnavailableError } from '@pressroom/common';
import { DatabasePool, logConnectionError, migrationStatus, PrismaService } from '@pressroom/database';

/**
 * Longest /health/ready waits for the database: a probe that hangs on an exhausted pool or a
 * silent server would hold the orchestrator's check (and a connection slot) for the pool's
 * 10-second connect timeout, or for ever.
 */
export const READY_TIMEOUT_MS = 2_000;

@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly database: DatabasePool,
  ) {}

  /** The process is up. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /**
   * The database answers within READY_TIMEOUT_MS and has every migration of this build; else
   * SERVICE_UNAVAILABLE (503) naming neither the database's error, nor its host or port. With
   * DATABASE_REPLICA_URL, `replica` says whether the replica answered too; an unreachable replica
   * does not make the process unready (editors and writes still work), it is reported for alerts.
   */
  @Get('ready')
  async ready() {
    let status: Awaited<ReturnType<typeof migrationStatus>>;
    try {
      status = await withTimeout(
        migrationStatus((sql) => this.prisma.$queryRawUnsafe(sql)),
        READY_TIMEOUT_MS,
      );
    } catch (error) {
      logConnectionError('health/ready', error);
      throw new ServiceUnavailableError('Not ready: the database is unavailable');
    }
    if (status.pending.length) {
      this.logger.warn(`not ready: pending migrations ${status.pending.join(', ')}`);
      throw new ServiceUnavailableError('Not ready: migrations are pending');
    }
    return { status: 'ok', migrations: status.applied.length, ...(await this.replicaStatus()) };
  }

  private async replicaStatus(): Promise<{ replica?: 'ok' | 'unavailable' }> {
    if (!this.database.hasReplica) return {};
    try {
      await withTimeout(this.database.ping('replica'), READY_TIMEOUT_MS);
      return { replica: 'ok' };
    } catch {
      return { replica: 'unavailable' }; // logged by DatabasePool
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // settles after the timeout: already answered
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

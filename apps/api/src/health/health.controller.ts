import { Controller, Get, HttpCode, Logger, Res } from '@nestjs/common';
import { migrationStatus, PrismaService, type MigrationStatus } from '@pressroom/database';
import type { Response } from 'express';

@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  private lastProblem: string | null = null;

  constructor(private readonly prisma: PrismaService) {}

  /** The process is up. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /**
   * The database answers and has every migration of this build. Anyone may ask, so a failure
   * says only which of the two failed; the database's own words go to the log, once per change.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    let status: MigrationStatus;
    try {
      status = await migrationStatus((sql) => this.prisma.$queryRawUnsafe(sql));
    } catch (error) {
      this.report(`database unavailable: ${(error as Error).message}`);
      res.status(503);
      return { status: 'unavailable', reason: 'database unavailable' };
    }
    if (status.pending.length) {
      this.report(`pending migrations: ${status.pending.join(', ')}`);
      res.status(503);
      return { status: 'unavailable', reason: 'migrations pending' };
    }
    this.lastProblem = null;
    return { status: 'ok', migrations: status.applied.length };
  }

  private report(problem: string): void {
    if (problem !== this.lastProblem) this.logger.warn(`not ready: ${problem}`);
    this.lastProblem = problem;
  }
}

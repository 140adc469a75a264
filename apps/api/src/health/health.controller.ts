import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { migrationStatus, PrismaService } from '@pressroom/database';

@Controller('health')
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /** The process is up. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** The database answers and has every migration of this build. */
  @Get('ready')
  async ready() {
    try {
      const status = await migrationStatus((sql) => this.prisma.$queryRawUnsafe(sql));
      if (status.pending.length) throw new Error(`pending migrations: ${status.pending.join(', ')}`);
      return { status: 'ok', migrations: status.applied.length };
    } catch (error) {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: (error as Error).message });
    }
  }
}

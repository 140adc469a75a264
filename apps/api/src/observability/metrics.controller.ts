import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { Roles } from '@pressroom/auth';
import type { FastifyReply } from 'fastify';
import { MetricsServer } from './metrics-server.js';
import { MetricsService } from './metrics.service.js';

/** /metrics on PORT for ADMIN tokens, unless METRICS_PORT serves it (then 404 here). */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly server: MetricsServer,
  ) {}

  @Get()
  @Roles('ADMIN')
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    if (this.server.separate) throw new NotFoundException();
    const { contentType, body } = await this.metrics.scrape();
    await reply.header('Cache-Control', 'no-store').type(contentType).send(body);
  }
}

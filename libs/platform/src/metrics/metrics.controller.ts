import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { metricsRegistry } from './registry';

/** `GET /metrics`: Prometheus text exposition of the default registry. */
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('cache-control', 'no-store')
  async scrape(@Res() res: Response): Promise<void> {
    const body = await metricsRegistry.metrics();
    res.setHeader('content-type', metricsRegistry.contentType);
    res.send(body);
  }
}

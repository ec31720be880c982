import type { App } from '../../lib/app-type';
import type { IoService } from './io.service';

export function ioRoutes(app: App, service: IoService) {
  void app;
  void service;
}

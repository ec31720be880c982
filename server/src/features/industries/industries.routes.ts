import type { App } from '../../lib/app-type';
import type { IndustryService } from './industries.service';

export function industriesRoutes(app: App, service: IndustryService) {
  void app;
  void service;
}

import type { App } from '../../lib/app-type';
import type { SearchService } from './search.service';

export function searchRoutes(app: App, service: SearchService) {
  void app;
  void service;
}

import type { App } from '../../lib/app-type';
import type { NetworkService } from './networks.service';

export function networksRoutes(app: App, service: NetworkService) {
  void app;
  void service;
}

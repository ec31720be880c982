import type { App } from '../../lib/app-type';
import type { PlaceService } from './places.service';

export function placesRoutes(app: App, service: PlaceService) {
  void app;
  void service;
}

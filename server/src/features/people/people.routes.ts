import type { App } from '../../lib/app-type';
import type { PeopleService } from './people.service';

export function peopleRoutes(app: App, service: PeopleService) {
  void app;
  void service;
}

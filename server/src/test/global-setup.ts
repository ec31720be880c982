import type { TestProject } from 'vitest/node';
import { buildTemplate } from './template-db';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide('dbTemplate', await buildTemplate(process.env.TEST_DATABASE_URL));
}

import type { TestProject } from 'vitest/node';
import { buildTemplate, dropTemplate } from './template-db';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const template = await buildTemplate(url);
  project.provide('dbTemplate', template);
  return () => dropTemplate(template, url);
}

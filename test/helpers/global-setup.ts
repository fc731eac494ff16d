import type { TestProject } from 'vitest/node';
import { createDatabase, dropDatabase } from './db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh database for the whole run; migrations run when the first application boots on it. */
export default async function setup(project: TestProject) {
  const url = await createDatabase();
  project.provide('databaseUrl', url);
  return async () => dropDatabase(url);
}

/** Kept for older imports: the factories are in ./factories.ts, the file helpers in ./files.ts. */
export * from './factories';
export * from './files';

/** Kept for older imports: the factories are all in ./factories.ts. */
export * from './factories';

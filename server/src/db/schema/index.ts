export * from './accounts';
export * from './directory';
export * from './search';
export * from './io';
export * from './events';

export * from './accounts';
export * from './directory';
export * from './search';
export * from './io';
export * from './map';
export * from './needs';
export * from './events';
export * from './reports';

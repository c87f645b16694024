export * from './engine.types';
export * from './assignment';
export * from './scoring';

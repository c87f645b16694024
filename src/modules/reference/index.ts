export * from './reference.repository';

/** Envoy translation layer (pure; see types.ts for the contracts). */
export * from './types';
export * from './http';
export * from './languages';
export * from './protect';
export * from './glossary';
export * from './detect';
export * from './translate';
export * from './providers';
export * from './registry';

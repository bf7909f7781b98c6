/**
 * The pack format is the engine's input and is declared there
 * (lib/engine/schema.ts, rule types in lib/engine/rules/); re-exported here
 * for the loader's callers.
 */
export * from '@/lib/engine/schema';

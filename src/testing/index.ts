/**
 * The adapter conformance kit: proves that a {@link StorageAdapter} keeps the contract govpub
 * relies on. Run {@link runAdapterConformance} in a vitest file, or call the checks yourself.
 *
 * @packageDocumentation
 */
export type { StorageAdapter } from '../storage/index';
export { runAdapterConformance } from './run-adapter-conformance';
export { runConformanceCheck, runConformanceChecks } from './run-checks';
export type { AdapterConformanceOptions, ConformanceResult } from './run-checks';
export { conformanceChecks } from './checks/index';
export type { ConformanceCheck, ConformanceEnv, ConformanceSkip } from './check';
export { ConformanceFailure } from './assert';
export { FIXTURE_ACTOR, makeDocument, makeEvents } from './fixtures';
export type { MakeEventsOptions } from './fixtures';

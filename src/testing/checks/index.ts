import type { ConformanceCheck } from '../check';
import { artifactChecks } from './artifacts';
import { commitChecks } from './commit';
import { documentChecks } from './documents';
import { eventChecks } from './events';
import { instanceChecks } from './instances';
import { isolationChecks } from './isolation';
import { ledgerChecks } from './ledger';
import { listChecks } from './list';

/**
 * Every rule of the storage contract as a check, in the order the suite runs them. Each id
 * is `<group>/<rule>`: `document/*`, `copies/*`, `commit/*`, `events/*`, `list/*`,
 * `isolation/*`, `artifacts/*`, `ledger/*` (the last two skip themselves when the adapter has no
 * artifacts or no delivery ledger), then the many-instances checks `feed/*`, `exclusive/*`,
 * `commit/fails-halfway`, `handles/*` and `fingerprints/*` (each skips itself without its
 * capability or option).
 */
export const conformanceChecks: readonly ConformanceCheck[] = [
  ...documentChecks,
  ...commitChecks,
  ...eventChecks,
  ...listChecks,
  ...isolationChecks,
  ...artifactChecks,
  ...ledgerChecks,
  ...instanceChecks,
];

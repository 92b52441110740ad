// The conformance kit against the PostgreSQL adapter on PGlite (PostgreSQL compiled to
// WebAssembly, in process): runs everywhere, no server needed.
import { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { runAdapterConformance } from '../../src/testing/index';
import { scratchSchemas } from './harness';

const db = new PGlite();
afterAll(() => db.close());

runAdapterConformance({ name: 'postgresAdapter (PGlite)', ...scratchSchemas(db, 'kit') }); // a second handle: another adapter on the same PGlite

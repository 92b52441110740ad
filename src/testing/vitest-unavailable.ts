// Stands in for 'vitest' in the CommonJS build of govpub/testing (see tsup.config.ts): vitest
// loads only as an ES module, so a CommonJS require() of it throws at load time. With this
// stand-in the module loads, runConformanceChecks() works under any runner, and only
// runAdapterConformance() explains what is needed.
function unavailable(): never {
  throw new Error(
    'runAdapterConformance() registers vitest tests, and vitest loads only as an ES module: ' +
      "import 'govpub/testing' from an ES module (vitest test files are), or use runConformanceChecks() with another runner.",
  );
}

export const describe = unavailable;
export const it = unavailable;

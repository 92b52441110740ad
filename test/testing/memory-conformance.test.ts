// The kit's own registration wrapper against the embedded adapter, exactly as an integrator
// would call it for theirs.
import { memoryAdapter } from '../../src/storage/memory-adapter';
import { runAdapterConformance } from '../../src/testing/index';

runAdapterConformance({ name: 'memoryAdapter()', factory: () => memoryAdapter() });

// Without the optional artifact store the artifact checks report themselves as skipped
// (vitest's context.skip), and every other check still runs.
runAdapterConformance({
  name: 'memoryAdapter() without artifacts',
  factory: () => {
    const { artifacts: _artifacts, ...withoutArtifacts } = memoryAdapter();
    return withoutArtifacts;
  },
});

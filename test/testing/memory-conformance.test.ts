// The kit's own registration wrapper against the embedded adapter, exactly as an integrator
// would call it for theirs.
import type { StorageAdapter } from '../../src/storage/adapter';
import { memoryAdapter } from '../../src/storage/memory-adapter';
import { runAdapterConformance } from '../../src/testing/index';

// One-shot arming through the adapter's test hook; a second handle on a memory store is the
// same object (one process holds the store).
const armed = new WeakSet<StorageAdapter>();
runAdapterConformance({
  name: 'memoryAdapter()',
  factory: () => {
    const adapter: StorageAdapter = memoryAdapter({ failBetweenWrites: () => armed.delete(adapter) });
    return adapter;
  },
  armHalfwayFailure: (adapter) => void armed.add(adapter),
  openSecondHandle: (adapter) => adapter,
});

// Without the optional artifact store the artifact checks report themselves as skipped
// (vitest's context.skip), and every other check still runs.
runAdapterConformance({
  name: 'memoryAdapter() without artifacts',
  factory: () => {
    const { artifacts: _artifacts, ...withoutArtifacts } = memoryAdapter();
    return withoutArtifacts;
  },
});

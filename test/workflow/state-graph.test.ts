import { describe, expect, it } from 'vitest';
import { createPublisher, isGovpubError, memoryAdapter, type Action, type Actor, type GovDocument, type Publisher, type ReviewStep } from '../../src/index';
import { manualClock, notice } from './fixtures';

/**
 * Proves there are no dead ends (issue 12 §1) by walking the workflow's state graph with the
 * real commands: a BFS over (state, review step, live revision, steps owed, dispute, schedule
 * due, signatures) for 1, 2 and 3 review steps, with and without scheduling and urgent
 * publishing. In every reachable node each command is tried by every member of an all-roles
 * cast: a refusal must be the one `can()` predicts (same code), a permission must succeed.
 * Then every node must reach `published` or `withdrawn` through permitted commands.
 */

const cast = {
  author: { id: 'author', roles: ['author'], department: 'office' },
  coauthor: { id: 'coauthor', roles: ['author'], department: 'office' },
  reviewer1: { id: 'reviewer1', roles: ['reviewer'], department: 'office' },
  reviewer2: { id: 'reviewer2', roles: ['reviewer'], department: 'office' },
  approver1: { id: 'approver1', roles: ['approver'], department: 'office' },
  approver2: { id: 'approver2', roles: ['approver'], department: 'office' },
  approver3: { id: 'approver3', roles: ['approver'], department: 'office' },
  publisher: { id: 'publisher', roles: ['publisher'], department: 'office' },
  chief: { id: 'chief', roles: ['approver', 'publisher'], department: 'office' },
  admin: { id: 'admin', roles: ['reviewer', 'admin'], department: 'it' },
} satisfies Record<string, Actor>;
type CastName = keyof typeof cast;

const STEP_CONFIGS: Record<number, ReviewStep[]> = {
  1: [{ id: 'final', roles: ['approver'] }],
  2: [
    { id: 'initial', roles: ['reviewer', 'approver'] },
    { id: 'final', roles: ['approver'] },
  ],
  3: [
    { id: 'initial', roles: ['reviewer', 'approver'] },
    { id: 'secondary', roles: ['reviewer', 'approver'] },
    { id: 'final', roles: ['approver'] },
  ],
};

interface World {
  publisher: Publisher;
  time: ReturnType<typeof manualClock>;
  counter: { n: number };
}

interface Command {
  name: string;
  /** The action `can()` is asked about; `null` for the passing of time. */
  action: Action | null;
  run(w: World, doc: GovDocument, actor: Actor): Promise<unknown>;
}

const HOUR = 3_600_000;

function commands(timeAndUrgent: boolean): Command[] {
  const all: Command[] = [
    { name: 'update', action: 'update', run: (w, d, a) => w.publisher.updateDraft(d.id, { title: `${d.title}（改${++w.counter.n}）`.slice(-150) }, a, { expectedVersion: d.version }) },
    { name: 'submit', action: 'submit', run: (w, d, a) => w.publisher.submit(d.id, a) },
    { name: 'approve', action: 'approve', run: (w, d, a) => w.publisher.review(d.id, a, { decision: 'approve' }) },
    { name: 'reject', action: 'reject', run: (w, d, a) => w.publisher.review(d.id, a, { decision: 'reject', comment: '请修改' }) },
    { name: 'dispute', action: 'dispute', run: (w, d, a) => w.publisher.review(d.id, a, { decision: 'dispute', comment: '数据未核实' }) },
    { name: 'publish', action: 'publish', run: (w, d, a) => w.publisher.publish(d.id, a) },
    { name: 'withdraw', action: 'withdraw', run: (w, d, a) => w.publisher.withdraw(d.id, a, '撤回') },
    { name: 'revise', action: 'revise', run: (w, d, a) => w.publisher.revise(d.id, a) },
    { name: 'reopen', action: 'reopen', run: (w, d, a) => w.publisher.reopen(d.id, a, '改稿') },
  ];
  if (!timeAndUrgent) return all;
  return [
    ...all,
    { name: 'schedule', action: 'schedule', run: (w, d, a) => w.publisher.schedule(d.id, a, new Date(w.time.clock().getTime() + HOUR)) },
    { name: 'unschedule', action: 'unschedule', run: (w, d, a) => w.publisher.unschedule(d.id, a) },
    { name: 'publishUrgent', action: 'publishUrgent', run: (w, d, a) => w.publisher.publishUrgent(d.id, a, '紧急') },
    {
      name: 'wait',
      action: null,
      run: async (w) => {
        w.time.advance(2 * HOUR);
      },
    },
  ];
}

interface Step {
  command: string;
  actor: CastName;
}

function keyOf(doc: GovDocument, now: Date): string {
  const live = doc.published !== null && doc.published.withdrawn === null;
  const due = doc.scheduledAt === null ? '-' : Date.parse(doc.scheduledAt) <= now.getTime() ? 'due' : 'later';
  return [
    doc.state,
    doc.currentStep ?? '-',
    live ? 'live' : 'not-live',
    `owed:${doc.retrospectiveReview?.pendingSteps.length ?? 0}`,
    doc.dispute ? 'disputed' : '-',
    due,
    `signed:${doc.signatures.length}`,
  ].join('|');
}

async function explore(stepCount: number, timeAndUrgent: boolean) {
  const time = manualClock();
  let ids = 0;
  const world: World = {
    publisher: createPublisher({
      storage: memoryAdapter(),
      reviewSteps: STEP_CONFIGS[stepCount]!,
      caliber: false,
      duplicates: false,
      clock: time.clock,
      idGenerator: () => `doc-${++ids}`,
    }),
    time,
    counter: { n: 0 },
  };
  const cmds = commands(timeAndUrgent);
  const byName = new Map(cmds.map((c) => [c.name, c]));

  async function replay(path: readonly Step[]): Promise<GovDocument> {
    const n = ++world.counter.n;
    let doc = await world.publisher.createDraft({ ...notice, title: `第${n}号通知`, body: `第${n}号通知：${notice.body}` }, cast.author);
    for (const step of path) {
      await byName.get(step.command)!.run(world, doc, cast[step.actor]);
      doc = await world.publisher.get(doc.id);
    }
    return doc;
  }

  const nodes = new Map<string, { path: Step[]; edges: Set<string> }>();
  const mismatches: string[] = [];
  const first = await replay([]);
  const queue = [keyOf(first, time.clock())];
  nodes.set(queue[0]!, { path: [], edges: new Set() });

  while (queue.length) {
    const key = queue.shift()!;
    const node = nodes.get(key)!;
    const doc = await replay(node.path);
    const permitted: Step[] = [];
    for (const cmd of cmds) {
      if (cmd.action === null) {
        if (doc.state === 'scheduled') permitted.push({ command: cmd.name, actor: 'author' });
        continue;
      }
      let chosen: CastName | null = null;
      for (const name of Object.keys(cast) as CastName[]) {
        const answer = await world.publisher.can(doc.id, cast[name], cmd.action);
        if (answer.ok) {
          chosen ??= name;
          continue;
        }
        const expected = (answer.details.find((r) => r.error === 'INVALID_TRANSITION') ?? answer.details[0])!.error;
        const outcome = await cmd.run(world, doc, cast[name]).then(
          () => 'succeeded',
          (e: unknown) => (isGovpubError(e) ? e.code : `threw ${String(e)}`),
        );
        if (outcome !== expected) mismatches.push(`${key}: ${cmd.name} by ${name}: can() said ${expected}, the command ${outcome}`);
      }
      if (chosen) permitted.push({ command: cmd.name, actor: chosen });
    }
    // Refused commands wrote nothing.
    expect((await world.publisher.get(doc.id)).version).toBe(doc.version);

    for (const step of permitted) {
      const path = [...node.path, step];
      let next: GovDocument;
      try {
        next = await replay(path);
      } catch (e) {
        mismatches.push(`${key}: ${step.command} by ${step.actor}: can() said ok, the command threw ${isGovpubError(e) ? e.code : String(e)}`);
        continue;
      }
      const nextKey = keyOf(next, time.clock());
      node.edges.add(nextKey);
      if (!nodes.has(nextKey)) {
        nodes.set(nextKey, { path, edges: new Set() });
        queue.push(nextKey);
      }
    }
  }

  // Backwards from every published or withdrawn node: which nodes can get there?
  const finished = new Set([...nodes.keys()].filter((k) => k.startsWith('published|') || k.startsWith('withdrawn|')));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [k, n] of nodes) {
      if (!finished.has(k) && [...n.edges].some((e) => finished.has(e))) {
        finished.add(k);
        grew = true;
      }
    }
  }
  const deadEnds = [...nodes.keys()].filter((k) => !finished.has(k));
  return { nodes, mismatches, deadEnds };
}

describe('the workflow has no dead ends', () => {
  for (const stepCount of [1, 2, 3]) {
    for (const timeAndUrgent of [false, true]) {
      it(`with ${stepCount} review step(s), ${timeAndUrgent ? 'with' : 'without'} scheduling and urgent publishing`, { timeout: 120_000 }, async () => {
        const { nodes, mismatches, deadEnds } = await explore(stepCount, timeAndUrgent);
        expect(mismatches).toEqual([]);
        expect(deadEnds).toEqual([]);
        const states = new Set([...nodes.keys()].map((k) => k.split('|')[0]));
        expect([...states].sort()).toEqual(
          (timeAndUrgent ? ['approved', 'draft', 'in_review', 'published', 'rejected', 'scheduled', 'withdrawn'] : ['approved', 'draft', 'in_review', 'published', 'rejected', 'withdrawn']).sort(),
        );
        // Sanity: the walk went beyond the happy path.
        expect(nodes.size).toBeGreaterThan(stepCount + 5);
      });
    }
  }
});

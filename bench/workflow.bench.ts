/**
 * Full lifecycles per second on memoryAdapter (create → submit → three reviews → publish),
 * next to the bare xstate `transition()` calls the same lifecycles contain, measured in the
 * same run. The ratio is what the publisher adds: validation, policy, hashing, copies, gates.
 */
import { transition } from 'xstate';
import { generatedNotice } from './generated-notice';
import { createHeadSigner, createHeadVerifier, createPublisher, generateSigningKey, memoryAdapter, type Actor, type PublisherOptions } from '../src/index';
import { documentMachine } from '../src/workflow/machine';

const quick = process.env.BENCH_QUICK === '1';
const LIFECYCLES = quick ? 200 : 3_000;

const author: Actor = { id: 'a', roles: ['author'], department: 'office' };
const reviewers: Actor[] = [
  { id: 'r1', roles: ['reviewer'], department: 'office' },
  { id: 'r2', roles: ['reviewer'], department: 'office' },
  { id: 'ap', roles: ['approver'], department: 'office' },
];
const operator: Actor = { id: 'p', roles: ['publisher'], department: 'office' };

// The least the publisher does: the confidentiality gate cannot be switched off.
const MINIMAL: Partial<PublisherOptions> = { caliber: false, duplicates: false };

async function lifecycles(options: Partial<PublisherOptions>, n: number): Promise<number> {
  const publisher = createPublisher({ storage: memoryAdapter(), ...options });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const doc = await publisher.createDraft({ title: `通知 第${i}号`, body: generatedNotice(i), level: 'public' }, author);
    await publisher.submit(doc.id, author);
    for (const r of reviewers) await publisher.review(doc.id, r, { decision: 'approve' });
    await publisher.publish(doc.id, operator);
  }
  return performance.now() - t0;
}

function bareTransitions(n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    // The same five decisions, each from a snapshot restored from stored state as the publisher does.
    const at = (value: string, stepIndex: number) =>
      documentMachine.resolveState({ value, context: { stepCount: 3, stepIndex, live: false, retrospectivePending: 0 } });
    transition(documentMachine, at('draft', 0), { type: 'SUBMIT' });
    transition(documentMachine, at('in_review', 0), { type: 'APPROVE_STEP' });
    transition(documentMachine, at('in_review', 1), { type: 'APPROVE_STEP' });
    transition(documentMachine, at('in_review', 2), { type: 'APPROVE_STEP' });
    transition(documentMachine, at('approved', 3), { type: 'PUBLISH' });
  }
  return performance.now() - t0;
}

async function main() {
  // Warm up the JIT on both sides before measuring.
  await lifecycles(MINIMAL, 50);
  bareTransitions(500);

  const bare = bareTransitions(LIFECYCLES);
  const rows: [string, number][] = [['bare xstate transition() ×5', bare]];
  rows.push(['publisher, caliber and duplicates off (confidentiality always runs)', await lifecycles(MINIMAL, LIFECYCLES)]);
  rows.push(['publisher, default gates (caliber, confidentiality, duplicates)', await lifecycles({}, LIFECYCLES)]);
  // What the signed trail adds (issue 13 §3): an Ed25519 signature per commit, a chain + digest + signature check per publish.
  const key = generateSigningKey();
  const signed: Partial<PublisherOptions> = { ...MINIMAL, signer: createHeadSigner(key), verifier: createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey }) };
  rows.push(['publisher, caliber and duplicates off, Ed25519 signer + verifier', await lifecycles(signed, LIFECYCLES)]);

  console.log(`Workflow: ${LIFECYCLES} full lifecycles (6 commands each) on memoryAdapter\n`);
  console.log('| variant | lifecycles/s | µs per lifecycle | × bare transitions |');
  console.log('|---|---:|---:|---:|');
  for (const [name, ms] of rows) {
    console.log(`| ${name} | ${Math.round((LIFECYCLES / ms) * 1000).toLocaleString('en')} | ${((ms / LIFECYCLES) * 1000).toFixed(0)} | ${(ms / bare).toFixed(1)}× |`);
  }
}

await main();

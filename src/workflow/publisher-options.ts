import * as z from 'zod';
import type { CaliberGateOptions } from './gates/caliber';
import type { RuleSet } from '../caliber/index';
import type { ChannelDefinition, FormatOptions } from '../channels/index';
import type { ConfidentialityGateOptions } from './gates/confidentiality';
import type { DuplicatesGateOptions } from './gates/duplicates';
import type { StorageAdapter } from '../storage/index';
import type { Gate } from './gates/gate';
import type { HeadSigner, HeadVerifier } from './audit/index';
import { ACTIONS, SPECIALLY_RULED_ACTIONS } from './policy';
import { ROLES } from '../document/index';
import { localeSchema } from '../text/index';
import type { Account, AccountRegistry } from '../delivery/index';

/** Review steps: at least one, unique ids, each signable by at least one role. */
export const reviewStepsSchema = z
  .array(
    z.strictObject({
      id: z.string().min(1),
      roles: z.array(z.enum(ROLES)).min(1),
      label: z.string().optional(),
    }),
  )
  .min(1, 'at least one review step')
  .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, 'review step ids must be unique');

/** Validates `createPublisher` options at the boundary; gates validate their own options. */
export const publisherOptionsSchema = z.strictObject({
  storage: z.custom<StorageAdapter>(
    (s) =>
      typeof s === 'object' &&
      s !== null &&
      ['getDocument', 'listDocuments', 'getEvents', 'commit'].every((m) => typeof (s as Record<string, unknown>)[m] === 'function'),
    'storage must implement getDocument, listDocuments, getEvents and commit',
  ),
  reviewSteps: reviewStepsSchema.optional(),
  permissions: z.partialRecord(z.enum(ACTIONS.filter((a) => !(SPECIALLY_RULED_ACTIONS as readonly string[]).includes(a)) as [string, ...string[]]), z.array(z.enum(ROLES))).optional(),
  caliber: z.union([z.literal(false), z.array(z.custom<RuleSet>((r) => typeof r === 'object' && r !== null, 'expected a rule set'))]).optional(),
  roster: z.custom<object>((r) => typeof r === 'object' && r !== null, 'expected a roster made with defineRoster, or an array of them').optional(),
  caliberFacts: z.custom<CaliberGateOptions['facts']>((f) => Array.isArray(f) || typeof f === 'function', 'expected facts or a function returning them').optional(),
  confidentiality: z.custom<ConfidentialityGateOptions>().optional(),
  duplicates: z.union([z.literal(false), z.custom<DuplicatesGateOptions>((o) => typeof o === 'object' && o !== null)]).optional(),
  gates: z.array(z.custom<Gate>((g) => typeof g === 'object' && g !== null && typeof (g as Gate).check === 'function', 'a gate needs check()')).optional(),
  // Strict, so that `channels: { sms: { … } }` (options without the `options` key) is refused
  // here rather than surfacing as a failed channel at publishing time.
  channels: z
    .strictObject({
      custom: z.array(z.custom<ChannelDefinition>((c) => typeof c === 'object' && c !== null && typeof (c as ChannelDefinition).id === 'string', 'expected a channel made with defineChannel')).optional(),
      options: z.record(z.string(), z.custom<FormatOptions>((o) => typeof o === 'object' && o !== null, 'expected an options object')).optional(),
    })
    .optional(),
  locale: localeSchema.optional(),
  clock: z.function().optional(),
  idGenerator: z.function().optional(),
  signer: z
    .custom<HeadSigner>((s) => typeof s === 'object' && s !== null && typeof (s as HeadSigner).sign === 'function', 'expected a head signer made with createHeadSigner (an object with sign())')
    .optional(),
  // Validated in depth by defineAccounts (each problem named by account); an already
  // defined registry is taken as it is.
  accounts: z
    .custom<Account[] | AccountRegistry>(
      (a) => Array.isArray(a) || (typeof a === 'object' && a !== null && typeof (a as AccountRegistry).get === 'function' && typeof (a as AccountRegistry).defaultFor === 'function'),
      'expected a list of accounts, or the registry defineAccounts returns',
    )
    .optional(),
  verifier: z
    .custom<HeadVerifier>((v) => typeof v === 'object' && v !== null && typeof (v as HeadVerifier).verify === 'function', 'expected a head verifier made with createHeadVerifier (an object with verify())')
    .optional(),
  acceptLegacyTrails: z.boolean().optional(),
});

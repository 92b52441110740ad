import type { Locale } from '../text/index';

/**
 * The languages channel findings and the preview are written in: Chinese by default (editors
 * and reviewers read them), English on request. The same type as the publisher's `Locale`, so
 * a host passes one value to both.
 */
export type ChannelLocale = Locale;

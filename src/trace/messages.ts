import type { FactKind, TraceReasonCode, TraceVerdict } from './types';
import { htmlLang, type Locale } from '../text/index';

/** Locales the trace messages and page come in: the package's one {@link Locale} (`'zh'` and `'zh-CN'` are the same). */
export type TraceLocale = Locale;

type Params = Record<string, string | number>;

const REASONS: Record<'zh-CN' | 'en', Record<TraceReasonCode, (p: Params) => string>> = {
  'zh-CN': {
    'no-candidate': () => '已发布内容中未找到与该文本相近的稿件。',
    'low-coverage': (p) => `最接近的已发布稿件仅有 ${p.percent}% 的内容出现在该文本中，判定为无关。`,
    'template-refilled': (p) =>
      `与最接近的已发布稿件措辞相同，但有 ${p.count} 处日期、数字、姓名或职务不同（相同的仅 ${p.kept} 处）：是用同一模板写成的另一篇稿件，不是转载。`,
    rewritten: (p) => `句子几乎全部改写，但有 ${p.count} 处日期、数字或姓名与原稿相同：是原稿的改写（洗稿）。`,
    'fact-changed': (p) => `有 ${p.count} 处数字、日期、姓名或职务与原稿不一致。`,
    'sentence-added': (p) => `增加了 ${p.count} 个原稿没有的句子。`,
    'sentence-reworded': (p) => `有 ${p.count} 个句子的措辞被改动。`,
    'sentence-dropped': (p) => `删去了原稿中的 ${p.count} 个句子。`,
    'copy-faithful': () => '与原稿一致，仅标点、空格或繁简字形不同。',
    'revision-withdrawn': () => '注意：所对应的原稿已撤回。',
    'revision-superseded': () => '注意：所对应的原稿已被后续修订版本替代。',
  },
  en: {
    'no-candidate': () => 'No published revision resembles this text.',
    'low-coverage': (p) => `Only ${p.percent}% of the closest published revision appears in this text: unrelated.`,
    'template-refilled': (p) =>
      `Worded like the closest published revision, but ${p.count} date(s), figure(s), name(s) or title(s) differ (only ${p.kept} agree): another document written from the same template, not a copy.`,
    rewritten: (p) => `Reworded almost throughout, but ${p.count} date(s), figure(s) or name(s) are the original's: a rewrite of it.`,
    'fact-changed': (p) => `${p.count} figure(s), date(s), name(s) or title(s) differ from the original.`,
    'sentence-added': (p) => `${p.count} sentence(s) added that the original does not have.`,
    'sentence-reworded': (p) => `${p.count} sentence(s) reworded.`,
    'sentence-dropped': (p) => `${p.count} sentence(s) of the original dropped.`,
    'copy-faithful': () => 'Same as the original apart from punctuation, spacing or traditional characters.',
    'revision-withdrawn': () => 'Note: the original revision was withdrawn.',
    'revision-superseded': () => 'Note: the original revision was superseded by a later one.',
  },
};

/** The message of a reason code in `locale`. */
export function reasonMessage(code: TraceReasonCode, params: Params, locale: TraceLocale): string {
  return REASONS[htmlLang(locale)][code](params);
}

/** Labels used by the trace page. */
export const TRACE_LABELS: Record<'zh-CN' | 'en', {
  title: string;
  verdicts: Record<TraceVerdict, string>;
  kinds: Record<FactKind, string>;
  summary: string;
  changedFacts: string;
  noChangedFacts: string;
  kind: string;
  originalSide: string;
  copySide: string;
  revision: string;
  publishedAt: string;
  coverage: string;
  dropped: string;
  added: string;
  legend: string;
  legendItems: { same: string; changed: string; fact: string; dropped: string; added: string; surrounding: string };
  none: string;
}> = {
  'zh-CN': {
    title: '转载溯源比对',
    verdicts: { faithful: '忠实转载', abridged: '删节转载', altered: '内容被改动', unrelated: '无关' },
    kinds: { figure: '数字', date: '日期', name: '姓名', title: '职务' },
    summary: '结论',
    changedFacts: '改动的事实',
    noChangedFacts: '未发现数字、日期、姓名或职务改动。',
    kind: '类别',
    originalSide: '已发布原稿',
    copySide: '流传文本',
    revision: '原稿',
    publishedAt: '发布时间',
    coverage: '原稿覆盖率',
    dropped: '删去句子',
    added: '新增句子',
    legend: '图例',
    legendItems: { same: '一致', changed: '措辞改动', fact: '事实改动', dropped: '被删去', added: '新增', surrounding: '页面其他内容' },
    none: '（无）',
  },
  en: {
    title: 'Trace of a circulating copy',
    verdicts: { faithful: 'Faithful copy', abridged: 'Abridged', altered: 'Altered', unrelated: 'Unrelated' },
    kinds: { figure: 'Figure', date: 'Date', name: 'Name', title: 'Title' },
    summary: 'Verdict',
    changedFacts: 'Changed facts',
    noChangedFacts: 'No figure, date, name or title differs.',
    kind: 'Kind',
    originalSide: 'Published original',
    copySide: 'Circulating copy',
    revision: 'Original',
    publishedAt: 'Published',
    coverage: 'Coverage of the original',
    dropped: 'Sentences dropped',
    added: 'Sentences added',
    legend: 'Legend',
    legendItems: { same: 'same', changed: 'reworded', fact: 'fact changed', dropped: 'dropped', added: 'added', surrounding: 'rest of the page' },
    none: '(none)',
  },
};

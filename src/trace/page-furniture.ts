/**
 * Lines a page adds around what it reposts — navigation and breadcrumbs (首页 > …), links to
 * other items (上一篇：…), buttons, source, editor and byline lines — never counted as added.
 * A label needs its separator: 「记者注意到」 opens commentary, 「记者：」 is a byline. The
 * separator may be a colon or the bar WeChat accounts use (来源 | 县水务局).
 */
const LABELLED =
  /^[\s【[（(]*(?:网站首页|首页|当前位置|您的位置|上一篇|下一篇|相关阅读|相关新闻|相关链接|推荐阅读|延伸阅读|打印|关闭|返回|分享到|扫一扫|扫码|掃碼|阅读原文|閱讀原文|点击|點擊|（完）|\(完\))|[>|»›]|(?:^|\s)[【\[（(]?(?:来源|來源|转自|轉自|原标题|原標題|编辑|編輯|责任编辑|責任編輯|责编|責編|作者|记者|記者|通讯员|通訊員|审核|審核|校对|校對|图片来源|圖片來源|图源|圖源|发布时间|發佈時間|发布日期|發佈日期|发布机构|發佈機構|发文机关|發文機關|成文日期|索引号|索引號|文号|文號|信息来源|信息來源|附件|浏览次数|瀏覽次數|阅读次数|閱讀次數|解读机构|解讀機構|解读人|解讀人|图文|圖文|摄影|攝影|视频|視頻|监制|監製|主编|主編|初审|初審|复审|複審|终审|終審)\s*[:：|｜]/u;

/**
 * A dateline: an account or paper name with the date (and time) of the page, e.g.
 * 「某某发布 2026-03-02 18:30 发表于江宁」 or 「某某日报 2026年3月2日 第1版」 — a date stamp
 * with at most a few words around it and no sentence punctuation.
 */
const DATELINE =
  /^[^。！？!?，,；;]{0,16}?\d{4}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?[^。！？!?，,；;]{0,16}$/u;

/** A whole line in brackets: a byline or a note on the page (（记者 某某）, （此件公开发布）). */
const BRACKETED_NOTE = /^[（(【[][^（）()【】[\]]{1,30}[）)】\]]$/u;

/** Sentence and clause punctuation: a line without any is a heading, banner, signature or button, not a sentence. */
const PUNCTUATION = /[，。！？；：,.!?;:、“”"「」]/u;
/** Longest line without punctuation still taken for page furniture outside the copy. */
const SHORT_LINE = 16;

/**
 * True when `sentence` is page furniture. `outside` is for lines outside the copied stretch:
 * there, datelines, bracketed notes and short unpunctuated lines (a column banner, a
 * signature, an account name) are furniture too; inside the stretch only labelled lines are,
 * so a heading or a short line an editor inserted still counts as added.
 */
export function isPageFurniture(sentence: string, outside: boolean): boolean {
  if (LABELLED.test(sentence)) return true;
  if (!outside) return false;
  const line = sentence.trim();
  return DATELINE.test(line) || BRACKETED_NOTE.test(line) || (line.length <= SHORT_LINE && !PUNCTUATION.test(line));
}

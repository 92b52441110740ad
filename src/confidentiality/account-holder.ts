// Who holds an account number. An organisation's account is published on purpose — the
// account a notice asks fees or bid bonds to be paid into (缴款账户, 投标保证金账户), a
// procurement notice's 采购人开户行及账号 — and is organisation data, not personal data; a
// person's card is never. The holder is named in the same sentence or table row (户名, 收款单位,
// 开户名称 …), and organisations' names end as agencies, institutions and companies do (GB/T
// 20091-2021 组织机构类型; 《党政机关公文格式》 for agency names).

/** Labels that name an account's holder, and the name after them (up to the next clause mark). */
const HOLDER = /(?:户名|账户名称|账户名|开户名称|开户单位|收款单位|付款单位|收款人|收款方|单位名称|缴款单位)\s*[:：为]?\s*([^，,；;。：:\n]{2,40})/g;
/** How organisations' names end: agencies, institutions, companies, self-governing bodies. */
const ORGANISATION_END =
  /(?:局|厅|署|委员会|委|办公室|办事处|中心|公司|银行|支行|分行|信用社|医院|卫生院|学校|小学|中学|学院|大学|幼儿园|政府|所|站|大队|支队|中队|院|协会|学会|基金会|商会|联合会|合作社|集团|厂|馆|部|党校|社区|村委会|居委会|财政专户|专户)$/;

// A sentence or table row: a label does not reach across one.
const BREAK = /[。！？\n\r]/;

/**
 * Whether the sentence (or table row) around `text.slice(start, end)` names an organisation as
 * the account's holder: then the number is the organisation's account, published on purpose.
 * `text` should be folded (simplified, half-width).
 *
 * @internal
 */
export function heldByOrganisation(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !BREAK.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !BREAK.test(text[to]!)) to++;
  const sentence = text.slice(from, to);
  for (const m of sentence.matchAll(HOLDER)) {
    // The name runs to the next clause mark; a number in it is not part of the name.
    const name = m[1]!.replace(/[\s\d-]+$/, '').trim();
    if (ORGANISATION_END.test(name)) return true;
  }
  return false;
}

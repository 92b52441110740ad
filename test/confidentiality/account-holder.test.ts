import { describe, expect, it } from 'vitest';
import { heldByOrganisation } from '../../src/confidentiality/account-holder';
import { detectSensitive, luhnCheckDigit } from '../../src/index';

const payload = '623001234567890';
const card = payload + luhnCheckDigit(payload);
const mistyped = payload + ((Number(luhnCheckDigit(payload)) + 1) % 10);
const cards = (text: string) => detectSensitive(text).filter((f) => f.kind === 'bank-card').map((f) => f.excerpt);

describe("an account number whose holder is an organisation (published on purpose: 缴款账户, 投标保证金账户)", () => {
  it('is not reported as a card, valid or mistyped, with the holder before or after it', () => {
    // Before the fix both were reported as a person's bank card.
    expect(cards(`收款单位：云川县青山镇财政所，账号：${card}。`)).toEqual([]);
    expect(cards(`收款单位：云川县青山镇财政所，账号：${mistyped}。`)).toEqual([]);
    expect(cards(`户名：云川县财政局，开户行：农业银行云川支行，账号：${card}。`)).toEqual([]);
    expect(cards(`账号：${card}，户名：云川县非税收入财政专户`)).toEqual([]);
    expect(cards(`开户名称：江宁市云川建设工程有限公司；银行账号：${card}`)).toEqual([]);
  });

  it("is still a person's card when the holder is a person, the bank is only where it was opened, or the holder is in another row", () => {
    expect(cards(`户名：张三，账号：${card}。`)).toEqual([card]);
    expect(cards(`申请人王芳，银行卡号：${card}，开户行：农业银行云川支行。`)).toEqual([card]);
    expect(cards(`收款人：李建国（云川县民政局），卡号：${card}`)).toEqual([card]);
    expect(cards(`户名：云川县财政局\n户名：李建国，卡号：${card}`)).toEqual([card]);
  });

  it('reads the holder only within the sentence or table row', () => {
    const text = `收款单位：云川县民政局。卡号：${card}`;
    const at = text.indexOf(card);
    expect(heldByOrganisation(text, at, at + card.length)).toBe(false);
  });
});

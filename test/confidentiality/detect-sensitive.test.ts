import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckCharacter,
  detectSensitive,
  isGovpubError,
  luhnCheckDigit,
  organizationCodeCheckCharacter,
  residentIdCheckCharacter,
  type SensitiveFinding,
} from '../../src/index';

const NOW = new Date('2025-01-01T00:00:00Z');
const detect = (text: string) => detectSensitive(text, { now: NOW });
const kinds = (text: string) => detect(text).map((f) => [f.kind, f.excerpt]);

const ID = '11010519491231002X';
// A Gansu (62) resident ID that also passes Luhn: valid as an ID and as a UnionPay card.
const AMBIGUOUS_62 = (() => {
  for (let seq = 0; seq < 1000; seq++) {
    const body = `62010219800101${String(seq).padStart(3, '0')}`;
    const id = body + residentIdCheckCharacter(body);
    if (/^\d{18}$/.test(id) && luhnCheckDigit(id.slice(0, 17)) === id[17]) return id;
  }
  throw new Error('no ambiguous number found');
})();
function card(payload: string): string {
  return payload + luhnCheckDigit(payload);
}
function creditCode(prefix8: string, org8: string): string {
  const body = prefix8 + org8 + organizationCodeCheckCharacter(org8)!;
  return body + creditCodeCheckCharacter(body)!;
}

describe('detectSensitive: resident IDs', () => {
  it('finds a valid ID with exact offsets, level, confidence, source and a masking fix', () => {
    const text = `申请人身份证号：${ID}，已核验。`;
    const [f] = detect(text);
    expect(f).toMatchObject({
      ruleId: 'confidentiality/id-card',
      kind: 'id-card',
      level: 'internal',
      severity: 'warning',
      start: 8,
      end: 26,
      excerpt: ID,
      line: 1,
      column: 9,
    });
    expect(f!.confidence).toBeGreaterThan(0.95);
    expect(f!.source).toContain('GB 11643');
    expect(f!.fix).toEqual({ start: 8, end: 26, text: '1101**********002X' });
  });

  it('ignores wrong check digits, impossible dates and IDs inside longer runs', () => {
    expect(detect('身份证号：110105194912310021，待核实')).toEqual([]);
    const feb30 = '11010519490230002';
    expect(detect(`身份证号：${feb30}${residentIdCheckCharacter(feb30)}`)).toEqual([]);
    expect(detect(`流水${ID}9`)).toEqual([]);
    expect(detect(`A${ID}`)).toEqual([]);
  });

  it('tells a 62-prefixed ID from a card by the context words', () => {
    expect(kinds(`身份证号码：${AMBIGUOUS_62}`)).toEqual([['id-card', AMBIGUOUS_62]]);
    expect(kinds(`证件号码${AMBIGUOUS_62}`)).toEqual([['id-card', AMBIGUOUS_62]]);
    expect(kinds(`银行卡号：${AMBIGUOUS_62}`)).toEqual([['bank-card', AMBIGUOUS_62]]);
    expect(kinds(`请转入账号${AMBIGUOUS_62}`)).toEqual([['bank-card', AMBIGUOUS_62]]);
    const [alone] = detect(AMBIGUOUS_62);
    expect(alone).toMatchObject({ kind: 'id-card', details: { alsoValidAs: 'bank-card' } });
    expect(alone!.confidence).toBeLessThan(0.9);
  });

  it('takes the nearest context word when both appear', () => {
    expect(kinds(`身份证号已登记，银行卡号${AMBIGUOUS_62}`)).toEqual([['bank-card', AMBIGUOUS_62]]);
    expect(kinds(`银行卡已挂失。身份证号${AMBIGUOUS_62}`)).toEqual([['id-card', AMBIGUOUS_62]]);
  });
});

describe('detectSensitive: credit codes', () => {
  it('finds a valid code and rejects one whose embedded organisation code is wrong', () => {
    const code = creditCode('91110108', '55138516');
    expect(kinds(`统一社会信用代码：${code}。`)).toEqual([['credit-code', code]]);
    const [f] = detect(`统一社会信用代码：${code}。`);
    expect(f).toMatchObject({ level: 'public', severity: 'info' });
    const body = code.slice(0, 16) + (code[16] === '1' ? '2' : '1');
    expect(detect(`统一社会信用代码：${body}${creditCodeCheckCharacter(body)}`)).toEqual([]);
  });
});

describe('detectSensitive: bank cards', () => {
  it('finds Luhn-valid cards with a real issuer, grouped or not', () => {
    const c = card('622202123456789012');
    expect(kinds(`卡号：${c}`)).toEqual([['bank-card', c]]);
    const grouped = c.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(kinds(`银行卡 ${grouped}，开户行`)).toEqual([['bank-card', grouped]]);
    expect(kinds(`信用卡 4111-1111-1111-1111`)).toEqual([['bank-card', '4111-1111-1111-1111']]);
  });

  it('ignores failed Luhn, unknown issuers, mixed grouping and order numbers', () => {
    const c = card('622202123456789012');
    const wrong = c.slice(0, -1) + ((Number(c.slice(-1)) + 1) % 10);
    expect(detect(`卡号：${wrong}`)).toEqual([]);
    expect(detect(`卡号：${card('912345678901234')}`)).toEqual([]);
    expect(detect('卡号：4111 1111-1111 1111')).toEqual([]);
    expect(detect(`订单号：${c}，已发货`)).toEqual([]);
    expect(detect(`交易流水号${card('411111111111111')}`)).toEqual([]);
    expect(detect(`合计${card('622202123456789012')}元`)).toEqual([]);
  });
});

describe('detectSensitive: phone numbers', () => {
  it('finds mobile numbers in their written forms', () => {
    for (const m of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 13812345678', '+8613812345678', '0086 13812345678', '(+86)13812345678', '１３８１２３４５６７８']) {
      expect(kinds(`联系电话：${m}。`), m).toEqual([['mobile', m]]);
    }
  });

  it('keeps unallocated prefixes, service numbers, amounts and odd lengths ordinary', () => {
    expect(detect('电话：15412345678')).toEqual([]);
    expect(detect('电话：14012345678')).toEqual([]);
    expect(detect('服务热线400-810-8888，免费电话800-820-8820')).toEqual([]);
    expect(detect('客服热线4008108888；政务服务便民热线12345；银行客服95588')).toEqual([]);
    expect(detect('全年产值13812345678元')).toEqual([]);
    expect(detect('金额￥13812345678')).toEqual([]);
    expect(detect('共计13812345678.50')).toEqual([]);
    expect(detect('电话：1381234567')).toEqual([]);
    expect(detect('电话：138123456789')).toEqual([]);
    expect(detect('订单号13812345678')).toEqual([]);
    expect(detect('时间戳1712345678901')).toEqual([]);
  });

  it('treats figures in a statistics table as figures, but not a contact table', () => {
    const stats = '| 地区 | 2023年 | 2024年 |\n| --- | ---: | ---: |\n| 全市 | 13812345678 | 15912345678 |';
    expect(detect(stats)).toEqual([]);
    const noHeader = '| 全市 | 13812345678 | 15912345678 |\n| 东城 | 13012345678 | 13112345678 |';
    expect(detect(noHeader)).toEqual([]);
    const contacts = '| 姓名 | 手机 |\n| --- | --- |\n| 张三 | 13812345678 |';
    expect(kinds(contacts)).toEqual([['mobile', '13812345678']]);
  });

  it('finds fixed lines with an area code, and plain ones only with a phone word', () => {
    expect(kinds('咨询电话：010-65123456')).toEqual([['landline', '010-65123456']]);
    expect(kinds('传真（0755）86123456')).toEqual([['landline', '（0755）86123456']]);
    expect(kinds('办公室 0571-8765432')).toEqual([['landline', '0571-8765432']]);
    expect(kinds('电话01065123456')).toEqual([['landline', '01065123456']]);
    expect(detect('编号01065123456')).toEqual([]);
    expect(detect('01065123456')).toEqual([]);
    expect(detect('电话：010-12345678')).toEqual([]);
    expect(detect('日期2024-03-15')).toEqual([]);
    const [f] = detect('电话：010-65123456');
    expect(f).toMatchObject({ level: 'public', severity: 'info' });
  });
});

describe('detectSensitive: e-mail and passports', () => {
  it('cuts e-mail addresses at Chinese text exactly', () => {
    expect(kinds('联系邮箱zhangsan@example.com.cn，电话另告')).toEqual([['email', 'zhangsan@example.com.cn']]);
    expect(kinds('邮箱：li.si+news@mail.bj.edu.cn。')).toEqual([['email', 'li.si+news@mail.bj.edu.cn']]);
    // A named official's address on a .gov.cn domain is still a person's.
    expect(kinds('联系邮箱zhangsan@example.gov.cn，电话另告')).toEqual([['email', 'zhangsan@example.gov.cn']]);
    expect(detect('欢迎关注@北京发布')).toEqual([]);
    expect(detect('admin@localhost')).toEqual([]);
  });

  it('finds passport and permit numbers only next to a context word, at lower confidence', () => {
    const [f] = detect('护照号E12345678，入境');
    expect(f).toMatchObject({ kind: 'passport', excerpt: 'E12345678' });
    expect(f!.confidence).toBeLessThan(0.8);
    expect(kinds('往来港澳通行证C12345678')).toEqual([['passport', 'C12345678']]);
    expect(kinds('回乡证H1234567801')).toEqual([['passport', 'H1234567801']]);
    expect(detect('设备型号E12345678已停产')).toEqual([]);
    expect(detect('E12345678')).toEqual([]);
    expect(detect('护照号EI1234567')).toEqual([]); // I is never used
  });
});

describe('detectSensitive: ordinary numbers and options', () => {
  it('leaves document numbers, dates, amounts and timestamps alone', () => {
    const text =
      '根据京政发〔2024〕12号和国办发〔2023〕5号，2024年3月15日10:30:00，全市完成投资1,234,567,890.12元，' +
      '人口2189.3万人，日志时间戳1710489600，毫秒1710489600123，采集时间20240315103000，邮编100010。';
    expect(detect(text)).toEqual([]);
  });

  it('filters by kind and confidence', () => {
    const text = `身份证号${ID}，手机13812345678，护照号E12345678`;
    expect(detectSensitive(text, { now: NOW, kinds: ['mobile'] }).map((f) => f.kind)).toEqual(['mobile']);
    expect(detectSensitive(text, { now: NOW, minConfidence: 0.9 }).map((f) => f.kind)).toEqual(['id-card', 'mobile']);
  });

  it('validates its options', () => {
    for (const bad of [{ kinds: ['phone'] }, { minConfidence: 2 }, { now: new Date('x') }, { extra: 1 }]) {
      try {
        detectSensitive('x', bad as never);
        expect.unreachable();
      } catch (e) {
        expect(isGovpubError(e) && e.code, JSON.stringify(bad)).toBe('VALIDATION');
      }
    }
  });

  it('returns sorted, non-overlapping findings with line and column', () => {
    const text = `第一行\n手机13812345678\n身份证号${ID}\n邮箱a@b.cn`;
    const found: SensitiveFinding[] = detect(text);
    expect(found.map((f) => [f.kind, f.line, f.column])).toEqual([
      ['mobile', 2, 3],
      ['id-card', 3, 5],
      ['email', 4, 3],
    ]);
  });
});

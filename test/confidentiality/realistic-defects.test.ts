// Defects found by the hand-written corpus (test/fixtures/confidentiality-eval/): each test
// failed before its fix. The strings here are written for the tests, not copied from the corpus.
import { describe, expect, it } from 'vitest';
import { detectSensitive, findMarkings, luhnCheckDigit, residentIdCheckCharacter } from '../../src/index';

const NOW = new Date('2025-01-01T00:00:00Z');
const kinds = (text: string, options = {}) => detectSensitive(text, { now: NOW, ...options }).map((f) => [f.kind, f.excerpt]);
const validId = (body: string) => body + residentIdCheckCharacter(body)!;
const wrongCheck = (body: string) => body + (residentIdCheckCharacter(body) === '1' ? '2' : '1');

describe('first-generation 15-digit resident IDs', () => {
  it('are found after an ID word or under an ID column', () => {
    expect(kinds('村民李四，身份证号码420106580712031，已登记。')).toEqual([['id-card', '420106580712031']]);
    expect(kinds('| 户主 | 身份证 |\n|---|---|\n| 赵五 | 110105491231002 |')).toEqual([['id-card', '110105491231002']]);
  });

  it('are not found without an ID word, with an impossible date, or with an unknown province', () => {
    expect(kinds('受理编号420106580712031已办结。')).toEqual([]);
    expect(kinds('证书号420106580712031')).toEqual([]);
    expect(kinds('身份证号420106581332031')).toEqual([]);
    expect(kinds('身份证号990106580712031')).toEqual([]);
  });
});

describe('resident IDs typed in groups of four', () => {
  it('are found when the check character holds', () => {
    const id = validId('42010619800101003');
    const grouped = `${id.slice(0, 4)} ${id.slice(4, 8)} ${id.slice(8, 12)} ${id.slice(12, 16)} ${id.slice(16)}`;
    expect(kinds(`身份证号：${grouped}`)).toEqual([['id-card', grouped]]);
    expect(kinds(`编号 ${grouped.replace(/.$/, (c) => (c === '1' ? '2' : '1'))}`)).toEqual([]);
  });
});

describe('a mistyped ID or card number after its own label', () => {
  const body = '42010619800101003';
  it('is reported below the default confidence (a host lowers minConfidence to see it)', () => {
    expect(kinds(`身份证号：${wrongCheck(body)}`)).toEqual([]);
    const low = detectSensitive(`身份证号：${wrongCheck(body)}`, { now: NOW, minConfidence: 0.4 });
    expect(low.map((f) => [f.kind, f.details?.checksum])).toEqual([['id-card', 'invalid']]);
    const payload = '621700123456789012';
    const bad = payload + ((Number(luhnCheckDigit(payload)) + 1) % 10);
    expect(detectSensitive(`银行卡号：${bad}`, { now: NOW, minConfidence: 0.4 }).map((f) => f.kind)).toEqual(['bank-card']);
  });

  it('is a mistyped ID after an ID word even when it happens to pass a card\'s Luhn check (62 is Gansu and UnionPay)', () => {
    // A Gansu ID (address code 62…) with a wrong check character that passes Luhn read as
    // neither an ID nor, after 身份证号, a card: it was not reported even at minConfidence 0.4.
    let number = '';
    for (let seq = 0; seq < 1000 && !number; seq++) {
      const idBody = `62202819470904${String(seq).padStart(3, '0')}`;
      for (const c of '0123456789') if (c !== residentIdCheckCharacter(idBody) && luhnCheckDigit(idBody) === c) number = idBody + c;
    }
    expect(number).toHaveLength(18);
    const found = detectSensitive(`孙丽，身份證號：${number}，信息待核实。`, { now: NOW, minConfidence: 0.4 });
    expect(found.map((f) => [f.kind, f.details?.checksum])).toEqual([['id-card', 'invalid']]);
  });

  it('is not reported without the label, or when the date or province is impossible', () => {
    const low = { minConfidence: 0.4 };
    expect(kinds(`编号：${wrongCheck(body)}`, low)).toEqual([]);
    expect(kinds(`身份证号：${wrongCheck('42010619801301003')}`, low)).toEqual([]);
    expect(kinds(`身份证号：${wrongCheck('99010619800101003')}`, low)).toEqual([]);
  });
});

describe('fixed-line numbers as offices write them', () => {
  it('reads a local number without area code right after a phone word', () => {
    expect(kinds('办公室电话：87651234，传真 8765123')).toEqual([
      ['landline', '87651234'],
      ['landline', '8765123'],
    ]);
    expect(kinds('咨询电话：010-87651234、87651235')).toEqual([
      ['landline', '010-87651234'],
      ['landline', '87651235'],
    ]);
  });

  it('leaves local-number shapes alone without a phone word, after a weak one, or when they are dates or figures', () => {
    expect(kinds('项目编号87651234')).toEqual([]);
    expect(kinds('准考证号码 20240518')).toEqual([]);
    expect(kinds('电话费合计87651234元')).toEqual([]);
    expect(kinds('号码：87651234')).toEqual([]);
  });

  it('needs the phone word to label the number, not to head a sentence of statistics about it', () => {
    expect(kinds('12345热线全年接听量达3562148，同比增长5%。')).toEqual([]);
    expect(kinds('热线去年受理3562148条诉求。')).toEqual([]);
    expect(kinds('联系电话为 87651234。')).toEqual([['landline', '87651234']]);
  });

  it('reads the international form +86-area-number without the trunk 0', () => {
    expect(kinds('Tel: +86-10-87651234')).toEqual([['landline', '+86-10-87651234']]);
    expect(kinds('电话 +86 571 8765 1234')).toEqual([['landline', '+86 571 8765 1234']]);
    expect(kinds('Fax: 0086-20-87651234')).toEqual([['landline', '0086-20-87651234']]);
  });

  it('accepts a dash or dot between area code and number', () => {
    expect(kinds('电话：020—87651234')).toEqual([['landline', '020—87651234']]);
    expect(kinds('电话：020.8765.1234')).toEqual([['landline', '020.8765.1234']]);
    // A dotted number without a phone word is a figure.
    expect(kinds('比值为020.8765')).toEqual([]);
  });
});

describe('classification markings as people type them', () => {
  it('a level word with a plain star and no period, alone on its line, includes the star', () => {
    expect(findMarkings('秘密*\n关于……的通知').map((m) => m.text)).toEqual(['秘密*']);
    // Markdown emphasis around the word is not part of the marking.
    expect(findMarkings('**秘密**\n关于……的通知').map((m) => m.text)).toEqual(['秘密']);
  });

  it('reads the level of a 密级 field', () => {
    expect(findMarkings('会议记录\n密级：机密  保密期限：5年\n时间：…').map((m) => [m.text, m.level])).toEqual([['机密', 'confidential']]);
    expect(findMarkings('密级: 内部').map((m) => [m.text, m.kind])).toEqual([['内部', 'internal-marking']]);
    expect(findMarkings('密级：公开')).toEqual([]);
    expect(findMarkings('文件的密级：秘密级以上的，不得……')).toEqual([]);
  });
});

describe('an office mailbox on a public mail service', () => {
  it('is the office contact when introduced as the office’s 报名/投稿/咨询 mailbox and named by initials', () => {
    expect(kinds('报名邮箱：abcrsk2024@163.com')).toEqual([]);
    expect(kinds('来稿请投：投稿邮箱 xyzbjb@126.com')).toEqual([]);
  });

  it('stays personal when the local part is a number, a pinyin name, or the label is not a purpose', () => {
    expect(kinds('报名邮箱：123456789@qq.com')).toEqual([['email', '123456789@qq.com']]);
    expect(kinds('报名邮箱：wangfang@163.com')).toEqual([['email', 'wangfang@163.com']]);
    expect(kinds('报名人邮箱：abcrsk2024@163.com')).toEqual([['email', 'abcrsk2024@163.com']]);
    expect(kinds('邮箱：abcrsk2024@163.com')).toEqual([['email', 'abcrsk2024@163.com']]);
  });

  it('a role word in pinyin (捐赠, 招聘, 投稿) is a role, not a name', () => {
    expect(kinds('捐赠咨询邮箱：juanzeng@example.org.cn')).toEqual([]);
    expect(kinds('邮箱：zhaopin@example.gov.cn')).toEqual([]);
  });
});

describe('a travel-document number after a generic 号码', () => {
  it('is read by the document named before it, not by 号码 alone', () => {
    expect(kinds('持公务护照（号码SE7654321）出访。')).toEqual([['passport', 'SE7654321']]);
    expect(kinds('通行证，号码：C76543210')).toEqual([['passport', 'C76543210']]);
  });

  it('still needs a document word: 号码 alone or another word does not make one', () => {
    expect(kinds('号码SE7654321')).toEqual([]);
    expect(kinds('护照已办结。号码SE7654321')).toEqual([]);
    expect(kinds('护照费用另计，物资编号E12345678')).toEqual([]);
  });
});

describe('numbers pasted from web pages and Word', () => {
  it('reads non-breaking, narrow and thin spaces as the spaces they stand for', () => {
    expect(kinds('手机：186\u00a05712\u00a09876')).toEqual([['mobile', '186\u00a05712\u00a09876']]);
    expect(kinds('电话：020\u00a087651234')).toEqual([['landline', '020\u00a087651234']]);
    expect(kinds('手机 186\u202f5712\u202f9876')).toEqual([['mobile', '186\u202f5712\u202f9876']]);
    expect(kinds('传真 020\u20098765\u20091234')).toEqual([['landline', '020\u20098765\u20091234']]);
    expect(findMarkings('秘密\u00a0★\u00a06个月\n关于……').map((m) => m.text)).toEqual(['秘密\u00a0★\u00a06个月']);
  });
});

describe('markings as Word documents lay them out', () => {
  const texts = (t: string) => findMarkings(t).map((m) => [m.text, m.level]);

  it('reads a level word spaced out for alignment', () => {
    expect(texts('绝\u3000密★5年\n关于……')).toEqual([['绝\u3000密★5年', 'top-secret']]);
    expect(texts('秘  密\n关于……')).toEqual([['秘  密', 'secret']]);
    expect(texts('内 部\n简报')).toEqual([['内 部', 'internal']]);
    // Spaced characters in running text are not a marking.
    expect(texts('他说这是秘 密，不能讲。')).toEqual([]);
  });

  it('reads a period in brackets after the level word at a line start', () => {
    expect(texts('秘密（6个月）\n关于……')).toEqual([['秘密（6个月）', 'secret']]);
    expect(texts('该文件定为秘密（6个月）后下发。')).toEqual([]);
  });

  it('takes the brackets around a star marking into its span', () => {
    expect(texts('一、……\n〔机密★2年〕\n会议同意……')).toEqual([['〔机密★2年〕', 'confidential']]);
  });

  it('accepts a middle dot between 内部资料 and its keeping instruction', () => {
    expect(texts('内部资料·请勿外传')).toEqual([['内部资料·请勿外传', 'internal']]);
  });

  it('does not read a Markdown list item as a marking', () => {
    expect(texts('密级分为：\n- 绝密\n- 机密\n* 秘密\n+ 内部')).toEqual([]);
    // Emphasis is still decoration around a marking.
    expect(texts('**机密**\n关于……')).toEqual([['机密', 'confidential']]);
  });
});

describe('a mobile number with dots between its groups', () => {
  it('is a mobile after a phone word', () => {
    expect(kinds('手机：186.5712.9876')).toEqual([['mobile', '186.5712.9876']]);
  });

  it('is a figure without one', () => {
    expect(kinds('增长率186.5712.9876')).toEqual([]);
    expect(kinds('版本 186.5712.9876')).toEqual([]);
  });
});

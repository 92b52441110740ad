import { describe, expect, it } from 'vitest';
import { detectSensitive, findMarkings, parseMarking } from '../../src/index';

const NOW = new Date('2025-01-01T00:00:00Z');
const kinds = (text: string, options = {}) => detectSensitive(text, { now: NOW, ...options }).map((f) => [f.kind, f.excerpt]);

describe('an organisation’s public mailbox is not personal data', () => {
  it('a role mailbox on a .gov.cn or .org.cn domain is public', () => {
    expect(kinds('政府信息公开咨询：xxgk@yunchuan.gov.cn')).toEqual([]);
    expect(kinds('来信请寄 zwgk@bj.gov.cn 或 info@redcross.org.cn。')).toEqual([]);
    expect(kinds('Webmaster: webmaster@www.example.gov.cn')).toEqual([]);
  });

  it('a .gov.cn mailbox named by an office\'s initials and introduced by enquiry wording is public', () => {
    expect(kinds('投诉邮箱：yczfb@yunchuan.gov.cn')).toEqual([]);
    expect(kinds('如有疑问，请联系 scjgj@mail.bj.gov.cn。')).toEqual([]);
  });

  it('a named official\'s mailbox stays personal data even where it is offered for enquiries', () => {
    expect(kinds('投诉邮箱：wangjian@yunchuan.gov.cn')).toEqual([['email', 'wangjian@yunchuan.gov.cn']]);
    expect(kinds('如有疑问，请联系 li.si@mail.bj.gov.cn。')).toEqual([['email', 'li.si@mail.bj.gov.cn']]);
  });

  it('an address on the organisation’s own domains (option) is public whatever its local part', () => {
    expect(kinds('经办人 zhangsan@yunchuan.com.cn', { organizationDomains: ['yunchuan.com.cn'] })).toEqual([]);
    expect(kinds('经办人 zhangsan@yunchuan.com.cn')).toEqual([['email', 'zhangsan@yunchuan.com.cn']]);
  });

  it('still finds personal mailboxes', () => {
    expect(kinds('联系邮箱：zhangsan@163.com')).toEqual([['email', 'zhangsan@163.com']]);
    // A person's address on a government domain, with no enquiry wording and no role name.
    expect(kinds('张三（zhangsan@yunchuan.gov.cn）已调离。')).toEqual([['email', 'zhangsan@yunchuan.gov.cn']]);
    // A lookalike domain is not a government one.
    expect(kinds('咨询邮箱 xxgk@yunchuan.gov.cn.example.com')).toEqual([['email', 'xxgk@yunchuan.gov.cn.example.com']]);
  });

  it('rejects a bad organizationDomains option with VALIDATION', () => {
    expect(() => detectSensitive('x', { organizationDomains: [''] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('resident ID numbers written with spaces or hyphens', () => {
  it('are found, with the checksum still required', () => {
    expect(kinds('身份证号：110105 19491231 002X。')).toEqual([['id-card', '110105 19491231 002X']]);
    expect(kinds('身份证号：110105-19491231-002X。')).toEqual([['id-card', '110105-19491231-002X']]);
    expect(kinds('申请人 110105 19491231 002X')).toEqual([['id-card', '110105 19491231 002X']]);
    expect(kinds('身份证号：110105 19491231 0021。')).toEqual([]);
    expect(kinds('身份证号：110105-19491231 002X。')).toEqual([]);
  });

  it('masks them keeping the separators', () => {
    const [f] = detectSensitive('身份证号：110105 19491231 002X', { now: NOW });
    expect(f!.fix!.text).toBe('1101** ******** 002X');
  });
});

describe('internal markings', () => {
  const internal = (text: string) => findMarkings(text).map((m) => [m.kind, m.level, m.text]);

  it('recognises 此件不公开, 仅供内部参考, 内部资料 注意保存, 不得外传 and similar', () => {
    expect(internal('（此件不公开）')).toEqual([['internal-marking', 'internal', '（此件不公开）']]);
    expect(internal('关于……的通报\n\n正文。\n\n此件不公开')).toEqual([['internal-marking', 'internal', '此件不公开']]);
    expect(internal('本材料仅供内部参考，请勿转发。')).toEqual([['internal-marking', 'internal', '仅供内部参考']]);
    expect(internal('内部资料 注意保存\n正文')).toEqual([['internal-marking', 'internal', '内部资料 注意保存']]);
    expect(internal('不得外传\n关于……的情况汇报')).toEqual([['internal-marking', 'internal', '不得外传']]);
    expect(internal('【严禁外传】情况通报')).toEqual([['internal-marking', 'internal', '【严禁外传】']]);
    expect(internal('仅限内部使用')).toEqual([['internal-marking', 'internal', '仅限内部使用']]);
    expect(parseMarking('此件不予公开')).toMatchObject({ level: 'internal' });
  });

  it('does not fire on prose that merely discusses publication', () => {
    for (const prose of [
      '依法不予公开的信息，应当书面告知申请人。',
      '对于不予公开的政府信息，应当说明理由。',
      '涉及国家秘密的材料不得外传，这是保密纪律的基本要求。',
      '此件公开发布',
      '“此件不公开”字样应标注在附注处。',
    ]) {
      expect(internal(prose), prose).toEqual([]);
    }
  });

  it('detectSensitive reports them as internal-marking findings', () => {
    expect(kinds('（此件不公开）')).toEqual([['internal-marking', '（此件不公开）']]);
  });
});

// Every toneless Hanyu Pinyin syllable (ü written v) that a character of the CJK Unified
// Ideographs block (U+4E00–U+9FA5) is read as, listed with pinyin-pro 3.29 (MIT) when this file
// was written: 411 syllables.
const SYLLABLES = new Set(
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo m ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nian niang niao nie nin ning niu nong nou nu nuan nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo'.split(' '),
);

/**
 * True when a mailbox's local part is spelled entirely as two to four pinyin syllables
 * (digits and `._-` aside): `zhangsan`, `li.na`, `wangjianhua88` read as a person's name,
 * `xxgk` or `yczfb` (initials of an office) do not. Used to keep a named official's mailbox
 * personal even where the sentence offers it for enquiries.
 */
export function readsAsPinyinName(local: string): boolean {
  const letters = local.toLowerCase().replace(/[0-9._+-]/g, '');
  if (!/^[a-z]{4,24}$/.test(letters)) return false;
  // Fewest syllables needed to spell letters[0..i), or Infinity.
  const fewest: number[] = [0, ...Array<number>(letters.length).fill(Infinity)];
  for (let i = 0; i < letters.length; i++) {
    if (fewest[i] === Infinity) continue;
    for (let len = 1; len <= 6 && i + len <= letters.length; len++) {
      if (SYLLABLES.has(letters.slice(i, i + len))) fewest[i + len] = Math.min(fewest[i + len]!, fewest[i]! + 1);
    }
  }
  const n = fewest[letters.length]!;
  return n >= 2 && n <= 4;
}

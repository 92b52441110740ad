import { describe, expect, it } from 'vitest';
import { addMammothMessages, ImportFindingCollector } from '../../src/import/import-findings';
import { readComments, scanPart } from '../../src/import/hidden-content';

describe("mammoth's messages as findings", () => {
  it('gives each known message a stable import/<code>, a Chinese message, and counts repeats', () => {
    const c = new ImportFindingCollector('正文');
    addMammothMessages(c, [
      { type: 'warning', message: 'An unrecognised element was ignored: w:customXml' },
      { type: 'warning', message: 'An unrecognised element was ignored: w:customXml' },
      { type: 'warning', message: 'Image of type image/x-emf is unlikely to display in web browsers' },
      { type: 'warning', message: "Unrecognised paragraph style: 'Fancy' (Style ID: Fancy)" },
      { type: 'error', message: 'Something new' },
    ]);
    const findings = c.result();
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['import/read-error', 'error'],
      ['import/image-type', 'warning'],
      ['import/unrecognised-element', 'warning'],
    ]);
    expect(findings.find((f) => f.ruleId === 'import/unrecognised-element')!.message).toBe('Word 元素 w:customXml 无法识别，其内容未导入，请核对原文。（共 2 处）');
    expect(findings.find((f) => f.ruleId === 'import/image-type')!.message).toContain('image/x-emf');
  });
});

describe('reading WordprocessingML for hidden content', () => {
  it('finds a move, a formatting change and a paragraph-mark change with their authors', () => {
    const xml = `<w:document><w:body>
      <w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="甲" w:date="2026-01-02T03:04:05Z"/></w:rPr></w:pPr><w:r><w:t>第一段</w:t></w:r></w:p>
      <w:p><w:moveFrom w:id="2" w:author="乙"><w:r><w:t>移走的话</w:t></w:r></w:moveFrom><w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="丙"><w:rPr/></w:rPrChange></w:rPr><w:t>加粗&amp;改</w:t></w:r></w:p>
    </w:body></w:document>`;
    const scan = scanPart('word/document.xml', xml);
    expect(scan.revisions.map((r) => [r.kind, r.author, r.paragraph, r.text])).toEqual([
      ['paragraph-mark', '甲', 1, ''],
      ['move-from', '乙', 2, '移走的话'],
      ['formatting', '丙', 2, ''],
    ]);
    // The accepted text leaves moved-away text out and decodes entities.
    expect(scan.paragraphs).toEqual(['第一段', '加粗&改']);
  });

  it('reads comments with author, initials, date and text across paragraphs', () => {
    const xml = `<w:comments><w:comment w:id="0" w:author="张处长" w:initials="ZC" w:date="2026-03-03T08:00:00Z"><w:p><w:r><w:t>第一句</w:t></w:r></w:p><w:p><w:r><w:t>第二句</w:t></w:r></w:p></w:comment></w:comments>`;
    expect(readComments(xml)).toEqual([{ id: '0', author: '张处长', initials: 'ZC', date: '2026-03-03T08:00:00Z', text: '第一句\n第二句' }]);
  });
});

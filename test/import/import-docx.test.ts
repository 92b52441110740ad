import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Textbox,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { isGovpubError } from '../../src/errors/index';
import { importDocx } from '../../src/import/index';
import { makeDocx, PNG_1X1 } from './make-docx';

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('importDocx: content', () => {
  it('keeps the title, headings, bold, lists and links as Markdown', async () => {
    const bytes = await makeDocx(
      [
        new Paragraph({ text: '关于开展安全检查的通知', heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
        new Paragraph({ text: '一、检查范围', heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ children: [new TextRun('全市'), new TextRun({ text: '所有', bold: true }), new TextRun('在建工地。')] }),
        new Paragraph({ text: '重点检查脚手架', bullet: { level: 0 } }),
        new Paragraph({ text: '高处作业', bullet: { level: 1 } }),
        new Paragraph({ text: '第一步', numbering: { reference: 'steps', level: 0 } }),
        new Paragraph({ text: '第二步', numbering: { reference: 'steps', level: 0 } }),
        new Paragraph({ children: [new TextRun('详见'), new ExternalHyperlink({ link: 'https://www.gov.cn/a.html', children: [new TextRun('通知原文')] })] }),
        new Paragraph({ text: '# 不是标题 *也不是强调*' }),
      ],
      {
        numbering: {
          config: [{ reference: 'steps', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START }] }],
        },
      },
    );
    const result = await importDocx(bytes);
    expect(result.title).toBe('关于开展安全检查的通知');
    expect(result.body).not.toContain('关于开展安全检查的通知');
    expect(result.body).toContain('## 一、检查范围');
    expect(result.body).toContain('全市**所有**在建工地。');
    expect(result.body).toMatch(/^- 重点检查脚手架\n {2}- 高处作业$/m);
    expect(result.body).toMatch(/^1\. 第一步\n2\. 第二步$/m);
    expect(result.body).toContain('[通知原文](<https://www.gov.cn/a.html>)');
    // Markdown characters typed as text stay text.
    expect(result.body).toContain('\\# 不是标题 \\*也不是强调\\*');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('takes the first Heading 1 as the title when there is no Title paragraph, else the first paragraph', async () => {
    const withHeading = await importDocx(await makeDocx([new Paragraph('导语'), new Paragraph({ text: '标题一', heading: HeadingLevel.HEADING_1 })]));
    expect(withHeading.title).toBe('标题一');
    expect(withHeading.body).toBe('导语');
    const plain = await importDocx(await makeDocx([new Paragraph('第一段'), new Paragraph('第二段')]));
    expect(plain).toMatchObject({ title: '第一段', body: '第二段' });
  });

  it('writes a table as a GFM table', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const bytes = await makeDocx([
      new Paragraph({ text: '统计', heading: HeadingLevel.HEADING_1 }),
      new Table({ rows: [new TableRow({ children: [cell('区'), cell('数量|个')] }), new TableRow({ children: [cell('东区'), cell('12')] })] }),
    ]);
    const { body } = await importDocx(bytes);
    expect(body).toBe('| 区 | 数量\\|个 |\n| --- | --- |\n| 东区 | 12 |');
  });

  it('returns images with their bytes and refers to them from the body', async () => {
    const bytes = await makeDocx([
      new Paragraph('题'),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG_1X1, transformation: { width: 10, height: 10 }, altText: { name: 'p', description: '现场照片', title: 't' } })] }),
    ]);
    const result = await importDocx(bytes);
    expect(result.images).toHaveLength(1);
    const [image] = result.images;
    expect(image).toMatchObject({ id: 'image-1', contentType: 'image/png', alt: '现场照片', url: 'docx-image:image-1' });
    expect(Array.from(image!.bytes)).toEqual(Array.from(PNG_1X1));
    expect(result.body).toBe('![现场照片](<docx-image:image-1>)');
    const hosted = await importDocx(bytes, { imageUrl: (i) => `https://cdn.example.gov.cn/${i.id}.png` });
    expect(hosted.body).toBe('![现场照片](<https://cdn.example.gov.cn/image-1.png>)');
  });

  it('imports an empty document as empty, with no findings', async () => {
    const result = await importDocx(await makeDocx([]));
    expect(result).toEqual({ title: '', body: '', images: [], findings: [] });
  });

  it('moves footnotes to the end and says so', async () => {
    const bytes = await makeDocx([new Paragraph('题'), new Paragraph({ children: [new TextRun('依据有关规定'), new FootnoteReferenceRun(1), new TextRun('执行。')] })], {
      footnotes: { 1: { children: [new Paragraph('《安全生产法》第二十条。')] } },
    });
    const result = await importDocx(bytes);
    expect(result.body).toContain('依据有关规定〔注1〕执行。');
    expect(result.body).toMatch(/〔注1〕《安全生产法》第二十条。\s*$/);
    const note = result.findings.find((f) => f.ruleId === 'import/footnote');
    expect(note).toMatchObject({ severity: 'warning', excerpt: '〔注1〕' });
    expect(note!.message).toContain('脚注');
  });

  it('reports a text box, whose place on the page is lost', async () => {
    const bytes = await makeDocx([
      new Paragraph('题'),
      new Textbox({ alignment: 'left', style: { width: '200pt', height: 'auto' }, children: [new Paragraph('框内说明文字')] }),
    ]);
    const result = await importDocx(bytes);
    const box = result.findings.find((f) => f.ruleId === 'import/text-box');
    expect(box).toBeDefined();
    expect(box!.details.text).toContain('框内说明文字');
    expect(box!.message).toContain('文本框');
  });
});

describe('importDocx: hidden revisions and remarks', () => {
  it('reports each tracked change as an error naming the reviser, the date and the paragraph', async () => {
    const bytes = await makeDocx([
      new Paragraph('题'),
      new Paragraph('第一段没有修订。'),
      new Paragraph({
        children: [
          new TextRun('停水时间为'),
          new DeletedTextRun({ text: '3月5日', id: 1, author: '李主任', date: '2026-03-01T09:30:00Z' }),
          new InsertedTextRun({ text: '3月6日', id: 2, author: '王科长', date: '2026-03-02T10:00:00Z' }),
          new TextRun('。'),
        ],
      }),
    ]);
    const result = await importDocx(bytes);
    expect(result.body).toContain('停水时间为3月6日。');
    expect(result.body).not.toContain('3月5日');
    const changes = result.findings.filter((f) => f.ruleId === 'import/tracked-change');
    expect(changes).toHaveLength(2);
    const deletion = changes.find((f) => f.details.kind === 'deletion')!;
    expect(deletion).toMatchObject({ severity: 'error', details: { author: '李主任', date: '2026-03-01T09:30:00Z', paragraph: 3, text: '3月5日' } });
    expect(deletion.message).toContain('李主任');
    expect(deletion.message).toContain('第 3 段');
    expect(deletion.message).toContain('3月5日');
    const insertion = changes.find((f) => f.details.kind === 'insertion')!;
    expect(insertion.details.author).toBe('王科长');
    expect(insertion.excerpt).toBe('3月6日');
  });

  it('reports a comment as an error with the commenter, the comment and the commented text', async () => {
    const bytes = await makeDocx(
      [
        new Paragraph('题'),
        new Paragraph({
          children: [
            new TextRun('本次共检查'),
            new CommentRangeStart(0),
            new TextRun('58家企业'),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
            new TextRun('。'),
          ],
        }),
      ],
      { comments: { children: [{ id: 0, author: '张处长', initials: 'ZC', date: new Date('2026-03-03T08:00:00Z'), children: [new Paragraph('数字待核实，内部先别发')] }] } },
    );
    const result = await importDocx(bytes);
    expect(result.body).toBe('本次共检查58家企业。');
    const comment = result.findings.find((f) => f.ruleId === 'import/comment');
    expect(comment).toMatchObject({ severity: 'error', excerpt: '58家企业', details: { author: '张处长', text: '数字待核实，内部先别发', paragraph: 2, context: '58家企业' } });
    expect(comment!.message).toContain('张处长');
    expect(comment!.message).toContain('数字待核实');
  });

  it('reports hidden text (w:vanish), which mammoth imports although Word does not show it', async () => {
    const bytes = await makeDocx([
      new Paragraph('题'),
      new Paragraph({ children: [new TextRun('公开内容。'), new TextRun({ text: '内部备注：暂缓', vanish: true })] }),
    ]);
    const result = await importDocx(bytes);
    const hidden = result.findings.filter((f) => f.ruleId === 'import/hidden-text');
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ severity: 'error', details: { text: '内部备注：暂缓', paragraph: 2 } });
  });

  it('gives every finding consistent offsets into the body', async () => {
    const bytes = await makeDocx([
      new Paragraph('题'),
      new Paragraph({ children: [new TextRun('甲'), new InsertedTextRun({ text: '乙丙', id: 1, author: 'a', date: '2026-01-01T00:00:00Z' })] }),
    ]);
    const { body, findings } = await importDocx(bytes);
    for (const f of findings) expect(body.slice(f.start, f.end)).toBe(f.excerpt);
  });
});

describe('importDocx: input validation', () => {
  it('rejects what is not a .docx with VALIDATION', async () => {
    const cases: unknown[] = [new Uint8Array(), new TextEncoder().encode('plain text'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a string'];
    for (const input of cases) {
      const e = await rejection(importDocx(input as Uint8Array));
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
    }
  });

  it('rejects a corrupt zip, a zip that is not Word, and a file over maxBytes', async () => {
    const real = await makeDocx([new Paragraph('正文')]);
    const truncated = real.slice(0, Math.floor(real.length / 2));
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const notWord = await zip.generateAsync({ type: 'uint8array' });
    for (const [input, options] of [[truncated, {}], [notWord, {}], [real, { maxBytes: 100 }]] as const) {
      const e = await rejection(importDocx(input, options));
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
      expect((e as { details: { issues: unknown[] } }).details.issues.length).toBeGreaterThan(0);
    }
    const bad = await rejection(importDocx(real, { maxBytes: -1, extra: 1 } as never));
    expect(isGovpubError(bad) && bad.details?.issues).toEqual([
      expect.objectContaining({ path: ['maxBytes'] }),
      expect.objectContaining({ path: [] }),
    ]);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const real = await makeDocx([new Paragraph('标题'), new Paragraph('正文')]);
    const ab = real.buffer.slice(real.byteOffset, real.byteOffset + real.byteLength) as ArrayBuffer;
    expect(await importDocx(ab)).toMatchObject({ title: '标题', body: '正文' });
  });
});

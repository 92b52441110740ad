import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { BUILT_IN_CHANNELS, formatAll, renderPreview, type FormatOptions } from '../../channels/index';
import { parseCommandArgs } from '../args';
import { PREVIEW_HELP } from '../help';
import { UsageError, type CliIo } from '../io';
import { readSource } from '../source-file';
import { parseChannels } from './check';

/** `govpub preview`: writes the multi-channel preview page; returns the exit code. */
export async function previewCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string', default: 'preview.html' },
    channels: { type: 'string' },
    signature: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(PREVIEW_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one file / 请指定一个文件: govpub preview <file> [--out preview.html]');
  // Every built-in channel by default; SMS only when there is a signature to send it with.
  const channels = values.channels ? parseChannels(values.channels) : Object.keys(BUILT_IN_CHANNELS).filter((c) => c !== 'sms' || values.signature);
  if (channels.includes('sms') && !values.signature) throw new UsageError('--channels sms needs --signature 【…】 / 短信渠道需要 --signature 签名');
  const file = positionals[0]!;
  const source = await readSource(resolve(io.cwd, file), file);
  const options: Record<string, FormatOptions> = {};
  if (values.signature) options.sms = { signature: values.signature };
  const outputs = formatAll({ title: source.title, body: source.body }, channels, options);
  const html = renderPreview(outputs, { title: `预览：${source.title}` });
  const out = resolve(io.cwd, values.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, html);
  const blocked = outputs.filter((o) => !o.ok).map((o) => o.channel);
  io.stdout.write(`${relative(io.cwd, out) || out}\n`);
  io.stderr.write(blocked.length ? `blocked / 不能发布: ${blocked.join(', ')}\n` : `all channels ok / 各渠道均可发布\n`);
  return 0;
}

/** The `--help` texts, Chinese first for the editors, English for everyone else. */

export const MAIN_HELP = `govpub — 政务新媒体发布检查工具 / publishing checks for government new-media offices

用法 Usage:
  govpub <command> [options]

命令 Commands:
  check <files|folders…>   检查口径、保密、渠道格式与重复 / check caliber, confidentiality, channels, duplicates
  fix <files…>             应用安全的口径修正并显示差异 / apply safe caliber fixes, showing a diff
  preview <file>           生成多渠道预览页 / write the multi-channel preview page
  migrate                  创建或升级 PostgreSQL 表 / create or upgrade the PostgreSQL schema

  govpub <command> --help  查看命令说明 / help on one command
  govpub --version         版本 / version

退出码 Exit codes: 0 通过 ok · 1 发现错误 error findings · 2 用法错误 usage error
颜色 Colours: only on a terminal; set NO_COLOR=1 to turn them off.
`;

export const CHECK_HELP = `govpub check — 检查文稿 / check drafts

用法 Usage:
  govpub check [options] <files|folders…>

读取 .md（Markdown）、.txt（纯文本，首行为标题）、.docx（Word，含修订和批注检查）；
文件夹会递归读取其中的这些文件。
Reads .md (Markdown), .txt (plain text; first line is the title) and .docx (Word, with its
tracked changes and comments reported); folders are searched recursively.

选项 Options:
  --rules <file.json>        追加口径规则集（可重复）/ extra caliber rule set(s), repeatable
  --roster <file.json>       领导名录，传给口径检查 / leader roster for the caliber check
  --facts <file.json>        通稿关键数字 [{ "label", "value" }] / key figures that must match
  --channels <list>          渠道检查，如 wechat,weibo,website,push,sms,rss / channel checks
  --signature <签名>          短信签名（sms 渠道必需）/ SMS signature, needed for sms
  --against <folder>         与该文件夹中已发布文稿比对重复 / check duplicates against published texts
  --format <stylish|json|sarif>  输出格式，默认 stylish / output format (default stylish)
  --output <file>            写入文件而非标准输出 / write the report to a file
  -h, --help                 显示本说明 / show this help

退出码 Exit codes: 0 无错误 no errors · 1 有错误 error findings · 2 用法错误 usage error

示例 Examples:
  govpub check drafts/
  govpub check --channels wechat,weibo --against published/ notice.md
  govpub check --format sarif --output govpub.sarif drafts/
`;

export const FIX_HELP = `govpub fix — 应用安全修正 / apply safe fixes

用法 Usage:
  govpub fix [options] <files|folders…>

对 .md 和 .txt 文件应用口径规则中可自动修正的项（只用安全修正），显示统一差异（unified diff），
并写回文件。不修改 .docx。
Applies the caliber rules' automatic fixes (safe ones only) to .md and .txt files, prints a
unified diff and writes the files back. .docx files are never changed.

选项 Options:
  --dry-run              只显示差异，不写文件 / only show the diff
  --write                写回文件（默认）/ write the files back (default)
  --rules <file.json>    追加口径规则集（可重复）/ extra caliber rule set(s), repeatable
  -h, --help             显示本说明 / show this help

退出码 Exit codes: 0 完成 done · 2 用法错误 usage error
`;

export const PREVIEW_HELP = `govpub preview — 多渠道预览 / multi-channel preview

用法 Usage:
  govpub preview [options] <file>

把文稿按各渠道排版，生成一个可在浏览器中打开的预览页（无脚本、无外部资源），标出问题。
Formats the draft for every channel and writes one self-contained HTML page (no scripts, no
external assets) showing each channel with its findings highlighted.

选项 Options:
  --out <file.html>      输出文件，默认 preview.html / output file (default preview.html)
  --channels <list>      渠道，默认全部（sms 需 --signature）/ channels (default: all; sms needs --signature)
  --signature <签名>      短信签名 / SMS signature
  -h, --help             显示本说明 / show this help
`;

export const MIGRATE_HELP = `govpub migrate — PostgreSQL 表结构 / the PostgreSQL schema

用法 Usage:
  govpub migrate --database-url <url> [options]

创建或升级 govpub 的表（幂等，可多实例同时运行）。需要安装 pg（npm install pg）。
Creates or upgrades govpub's tables (idempotent, safe to run from several instances). Needs
the pg package (npm install pg).

选项 Options:
  --database-url <url>   PostgreSQL 连接串，默认取环境变量 DATABASE_URL / connection string (default $DATABASE_URL)
  --schema <name>        模式名，默认 govpub / schema name (default govpub)
  --dry-run              只打印将执行的 SQL；不给连接串时打印全部迁移 / print the SQL that would run;
                         without a database, print every migration
  -h, --help             显示本说明 / show this help
`;

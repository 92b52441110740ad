// The preview page's stylesheet. The WeChat phone frame grows with the article (reviewers
// must read all of it, not the first screen); marks carry their number in a badge beside
// them and their message on hover.
/** The stylesheet of {@link renderPreview}'s page. */
export const PREVIEW_STYLE = `
*{box-sizing:border-box}body{margin:0;padding:24px;font:14px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#eef0f3;color:#222}
h1{font-size:20px;margin:0 0 16px}.grid{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.summary{background:#fff;border-radius:8px;padding:16px 20px;margin-bottom:24px;box-shadow:0 1px 3px rgba(0,0,0,.12);border-left:6px solid #2e7d32;max-width:1300px}
.summary.blocked{border-left-color:#c62828}.summary h2{font-size:18px;margin:0 0 8px}.summary.blocked h2{color:#c62828}.summary.ok h2{color:#2e7d32}
.summary h3{font-size:15px;margin:12px 0 4px}.summary ol{margin:0;padding-left:4px;list-style:none}.summary li{margin:4px 0}
.to{display:flex;gap:4px;align-items:baseline}.to>span{white-space:nowrap}.targets{display:flex;flex-wrap:wrap;gap:12px;list-style:none;margin:0;padding:0}
.placed{font-size:12px;color:#2e7d32;margin-left:6px}.whole{font-size:12px;color:#777;margin-left:6px}.unplaced{font-size:12px;color:#8d6e63;margin-left:6px;font-style:italic}
code{font-size:12px;color:#555;background:#f3f3f3;padding:0 4px;border-radius:3px}
.channel{background:#fff;border-radius:8px;padding:16px;width:420px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.channel h2{font-size:16px;margin:0 0 4px;display:flex;gap:8px;align-items:center}.channel h3{font-size:13px;margin:12px 0 0}
.badge{font-size:12px;padding:1px 8px;border-radius:10px;color:#fff}.badge.ok{background:#2e7d32}.badge.blocked{background:#c62828}
.meta{font-size:12px;color:#777;margin-bottom:12px;word-break:break-all}
.phone{width:375px;min-height:667px;margin:0 auto;border:12px solid #111;border-radius:36px;background:#fff;padding:16px;overflow-wrap:anywhere}
.phone .wx-title{font-size:22px;font-weight:bold;line-height:1.4;margin:0 0 8px}.phone .wx-meta{color:#576b95;font-size:15px;margin-bottom:16px}
.phone .wx-digest{background:#f7f7f7;color:#888;font-size:13px;padding:8px;margin-bottom:16px}.phone img{max-width:100%}
.card{border:1px solid #e6e6e6;border-radius:6px;padding:12px;background:#fff}.card .who{font-weight:bold;color:#eb7350;margin-bottom:6px}
.card .text{white-space:pre-wrap;word-break:break-all}
.sms{background:#e9e9eb;border-radius:18px;padding:10px 14px;max-width:300px;white-space:pre-wrap;word-break:break-all}
.banner{background:rgba(245,245,245,.95);border-radius:14px;padding:10px 14px;box-shadow:0 2px 8px rgba(0,0,0,.15)}
.banner .app{font-size:12px;color:#888}.banner .t{font-weight:bold}
.page{border:1px solid #ddd;padding:16px}.page h1{font-size:22px}.page img{max-width:100%}
pre.xml{background:#f6f8fa;padding:8px;max-height:400px;overflow:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}
table.fields{border-collapse:collapse;width:100%}table.fields td,table.fields th{border:1px solid #ddd;padding:4px;text-align:left;vertical-align:top;word-break:break-all}
mark{border-radius:2px;padding:0 1px}mark.error{background:#ffcdd2;outline:2px solid #e53935}mark.warning{background:#ffe0b2;outline:1px solid #fb8c00}mark.info{background:#e3f2fd}
sup.fn,span.fn{display:inline-block;min-width:16px;height:16px;line-height:16px;border-radius:8px;font-size:11px;text-align:center;color:#fff;font-weight:bold;padding:0 3px}
sup.fn{margin-left:1px;vertical-align:super}.fn.error{background:#c62828}.fn.warning{background:#e65100}.fn.info{background:#1565c0}
ul.findings{padding-left:0;margin:8px 0 0;list-style:none}ul.findings li{margin:4px 0}ul.findings li.error{color:#c62828}ul.findings li.warning{color:#e65100}ul.findings li.info{color:#1565c0}
.sev{font-weight:bold}.where{color:#555}
.count{font-size:12px;color:#777;margin-top:4px}
`;

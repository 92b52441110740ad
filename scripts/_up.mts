import { build } from 'esbuild';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
writeFileSync('/tmp/bdx/p3.js', process.env.PAGE!);
const r = await build({ entryPoints:['/tmp/bdx/p3.js'], bundle:true, minify:true, format:'esm', splitting:true, platform:'browser', write:false, metafile:true, outdir:'/tmp/bdx/o3', alias:{govpub:'/work/main/dist/index.js'}, external:['node:*'], logLevel:'silent'});
const meta=r.metafile; const entryOut = Object.entries(meta.outputs).find(([, o]) => o.entryPoint !== undefined)![0];
const up=new Set<string>(); const visit=(o:string)=>{ if(up.has(o))return; up.add(o); for(const i of meta.outputs[o]?.imports??[]) if(i.kind==='import-statement') visit(i.path); }; visit(entryOut);
const m = new Map<string,number>();
for (const o of up) for (const [p,i] of Object.entries(meta.outputs[o]!.inputs)) { let name=p; if (p.includes('dist/') && !p.includes('node_modules') && existsSync(resolve(p))) { const mods=[...new Set([...readFileSync(resolve(p),'utf8').matchAll(/^\/\/ (src\/\S+)$/gm)].map(x=>x[1]))]; name = mods.join(',') || p; } m.set(name,(m.get(name)??0)+i.bytesInOutput); }
for (const [p,b] of [...m].sort((a,b)=>a[0]<b[0]?-1:1)) if (b>0) console.log(b, p.replace(/^.*node_modules\//,''));
console.error('upfront files', up.size, [...up].map(o => { const f = r.outputFiles.find(x=>x.path===resolve(o)); return f ? f.contents.length : 0; }).join(' '));
for (const [o, info] of Object.entries(meta.outputs)) { if (o.endsWith('.map')) continue; const ins = Object.entries(info.inputs).filter(([,i])=>i.bytesInOutput>0).map(([p])=>p.replace(/^.*node_modules\//,'').replace(/^.*dist\//,'dist/')); console.error(up.has(o)?'UP  ':'lazy', o.replace(/^.*\//,''), (info.bytes/1024).toFixed(1), ins.length > 6 ? ins.slice(0,6).join(' ')+' …'+ins.length : ins.join(' '), 'imports:', info.imports.map(i=>i.path.replace(/^.*\//,'')+':'+i.kind[0]).join(',')); }
const rr = r.outputFiles.find(f=>/runners-/.test(f.path))!; console.error(new TextDecoder().decode(rr.contents).slice(0,400));

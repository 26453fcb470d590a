// The web app: the designer's build when present, else a small zh-CN page about the API.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../designer/dist', import.meta.url));

export interface DemoLogin {
  username: string;
  role: string;
  position: string;
}

export function mountWeb(app: Express, webDir: string | null, demoLogins: () => DemoLogin[]): void {
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes of the single-page app.
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(join(webDir, 'index.html')));
    return;
  }
  app.get('/', (_req, res) => {
    res.type('html').send(fallbackPage(demoLogins()));
  });
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function fallbackPage(logins: DemoLogin[]): string {
  const rows = logins.map((l) => `<tr><td><code>${escape(l.username)}</code></td><td>${escape(l.role)}</td><td>${escape(l.position)}</td></tr>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>一站 yizhan</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}
code,pre{background:#f4f4f4;padding:.1rem .3rem;border-radius:3px}pre{padding:.8rem;overflow:auto}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left}</style>
</head><body>
<h1>一站 yizhan — 综治中心工作流平台</h1>
<p>服务已启动。网页端尚未构建（<code>designer/dist</code> 不存在），可以直接使用 HTTP API：</p>
<ul>
<li>接口文档（OpenAPI 3.1）：<a href="/api/openapi.json"><code>/api/openapi.json</code></a></li>
<li>登录：<code>POST /api/auth/login {"username","password"}</code> → <code>{"token"}</code>，之后每个请求带 <code>Authorization: Bearer 令牌</code></li>
<li>受理：<code>POST /api/cases {"process","data"}</code>；待办：<code>GET /api/tasks</code>；办理：<code>POST /api/tasks/{id}/complete {"data"}</code></li>
<li>公示：<a href="/api/public/cases"><code>/api/public/cases</code></a>（无需登录，已脱敏）</li>
</ul>
<pre>curl -s -X POST localhost:3000/api/auth/login -H 'content-type: application/json' -d '{"username":"admin","password":"demo1234"}'</pre>
${logins.length ? `<h2>演示账号（密码均为 <code>demo1234</code>）</h2><table><tr><th>用户名</th><th>角色</th><th>单位 / 部门</th></tr>${rows}</table>` : '<p>未启用演示账号（以 <code>yizhan serve --demo</code> 启动可创建）。</p>'}
</body></html>`;
}

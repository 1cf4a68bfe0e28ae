import { problemCodes } from '#shared/domain/problem-codes.ts';
import type { OpenApiDocument } from '#shared/http/openapi.ts';

type Json = Record<string, unknown>;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly spec: Json;
}

/**
 * The API reference for people, Korean first with the English beside it: a self-contained page
 * (no CDN, no external script, so it works on a separated government network), rendered on the
 * server from the OpenAPI document, with a small inline filter and a try-it form per operation
 * that calls the API from the page with the caller's own token (no privileged path).
 */
export function renderDocsPage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]): Operation => ({ method: method.toUpperCase(), path, spec: spec as Json })),
  );
  const byTag = new Map<string, Operation[]>();
  for (const op of operations) {
    const tag = (op.spec.tags as string[] | undefined)?.[0] ?? 'Other';
    byTag.set(tag, [...(byTag.get(tag) ?? []), op]);
  }
  const sections = [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, ops]) => `<section><h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.map(renderOperation).join('')}</section>`)
    .join('');
  const toc = [
    ...[...byTag.keys()].sort().map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`),
    '<a href="#problem-codes">오류 코드 · Problem codes</a>',
  ].join(' · ');
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} 안내서 ${escapeHtml(document.info.version)}</title>
<style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(document.info.title)} 안내서 <small>API reference · ${escapeHtml(document.info.version)} · OpenAPI ${escapeHtml(document.openapi)}</small></h1>
<p>지방자치단체의 예산·집행·수입·복식부기·결산 API입니다. 금액은 원 단위 정수이며, 2^53을 넘을 수 있는 합계는 10진 문자열입니다. 오류는 RFC 9457 problem+json으로 답합니다.</p>
<p lang="en">${escapeHtml(document.info.description)}</p>
<p>기계 판독용 · Machine-readable: <a href="openapi.json">openapi.json</a>. 보호된 작업에는 <code>Authorization: Bearer &lt;JWT&gt;</code>가 필요합니다.</p>
<p><label for="token">호출에 쓸 토큰 · Bearer token</label> <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="eyJ…"></p>
<nav aria-label="분류 · Tags">${toc}</nav>
<label for="filter" class="visually-hidden">작업 찾기 · Filter operations</label>
<input id="filter" type="search" placeholder="작업 찾기 (경로, 이름, 설명, 역할) · Filter operations"></header>
<main>${sections}${renderProblemCodes()}</main>
<script>${SCRIPT}</script></body></html>`;
}

/** Every code a problem+json answer can carry, with its meaning (the published list). */
function renderProblemCodes(): string {
  const rows = Object.entries(problemCodes)
    .map(([code, meaning]) => `<tr><td><code>${escapeHtml(code)}</code></td><td>${escapeHtml(meaning)}</td></tr>`)
    .join('');
  return `<section><h2 id="problem-codes">오류 코드 · Problem codes</h2><p>오류는 RFC 9457 <code>application/problem+json</code>이며 클라이언트는 <code>code</code>로 구분합니다. Errors are problem details; clients switch on <code>code</code>.</p><table><thead><tr><th>code</th><th>meaning</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function renderOperation(op: Operation): string {
  const spec = op.spec;
  const access = spec['x-access'] as { kind: string; roles?: string[]; write?: boolean } | undefined;
  const accessText =
    access?.kind === 'public' ? 'public' : `${access?.kind ?? ''}${access?.write ? ' write' : ''}: ${(access?.roles ?? []).join(', ')}`;
  const parameters = (spec.parameters as Json[] | undefined) ?? [];
  const requestBody = spec.requestBody as Json | undefined;
  const responses = (spec.responses as Record<string, Json> | undefined) ?? {};
  const korean = String(spec['x-summary-ko'] ?? '');
  return `<article class="op" id="op-${escapeHtml(String(spec.operationId))}" data-search="${escapeHtml(`${op.method} ${op.path} ${String(spec.operationId)} ${korean} ${String(spec.summary)} ${accessText}`.toLowerCase())}">
<h3><span class="method ${op.method.toLowerCase()}">${op.method}</span> <code>${escapeHtml(op.path)}</code> <span class="id">${escapeHtml(String(spec.operationId))}</span></h3>
${korean ? `<p class="ko">${escapeHtml(korean)}</p>` : ''}<p lang="en">${escapeHtml(String(spec.summary ?? ''))}</p>${spec.description ? `<p class="desc" lang="en">${escapeHtml(String(spec.description))}</p>` : ''}
<p class="access">권한 · Access: ${escapeHtml(accessText)}</p>
${parameters.length > 0 ? renderParameters(parameters) : ''}
${requestBody ? `<h4>Request body <small>${escapeHtml(String(requestBody.description ?? ''))}</small></h4>${renderSchema(contentSchema(requestBody))}` : ''}
<h4>Responses</h4><ul class="responses">${Object.entries(responses)
    .map(([status, response]) => {
      const schema = contentSchema(response);
      const isProblem = schema !== undefined && '$ref' in schema;
      return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(String(response.description ?? ''))}${schema && !isProblem ? renderSchema(schema) : ''}</li>`;
    })
    .join('')}</ul>${renderTryIt(op, parameters, requestBody)}</article>`;
}

/**
 * 호출해 보기: a form per operation that the inline script sends with fetch from this page
 * (same origin, the token typed above), showing the status and the answer as received.
 */
function renderTryIt(op: Operation, parameters: readonly Json[], requestBody: Json | undefined): string {
  const id = String(op.spec.operationId);
  const fields = parameters
    .map((p) => {
      const name = String(p.name);
      const fieldId = `try-${id}-${String(p.in)}-${name}`;
      return `<label for="${escapeHtml(fieldId)}">${escapeHtml(name)} <small>(${escapeHtml(String(p.in))}${p.required ? ', 필수' : ''})</small></label><input id="${escapeHtml(fieldId)}" data-in="${escapeHtml(String(p.in))}" data-name="${escapeHtml(name)}"${p.required ? ' required' : ''}>`;
    })
    .join('');
  const mediaType = requestBody ? Object.keys((requestBody.content as Json | undefined) ?? {})[0] : undefined;
  const body = mediaType
    ? `<label for="try-${escapeHtml(id)}-body">요청 본문 · body <small>(${escapeHtml(mediaType)})</small></label><textarea id="try-${escapeHtml(id)}-body" data-in="body" data-media-type="${escapeHtml(mediaType)}" rows="6">${mediaType === 'application/json' ? '{}' : ''}</textarea>`
    : '';
  return `<details class="try"><summary>호출해 보기 · Try it</summary><form class="try-form" data-method="${op.method}" data-path="${escapeHtml(op.path)}">${fields}${body}<button type="submit">보내기 · Send</button><output class="try-out" aria-live="polite"></output></form></details>`;
}

function renderParameters(parameters: readonly Json[]): string {
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(typeLabel(p.schema as Json | undefined))}</td><td>${escapeHtml(String(p.description ?? ''))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function contentSchema(holder: Json): Json | undefined {
  const content = holder.content as Record<string, { schema?: Json }> | undefined;
  return content ? Object.values(content)[0]?.schema : undefined;
}

/** A schema as an indented field list, with the raw JSON Schema one click away. */
function renderSchema(schema: Json | undefined): string {
  if (!schema) return '';
  return `<div class="schema">${renderFields(schema, 0)}<details><summary>JSON Schema</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details></div>`;
}

function renderFields(schema: Json, depth: number): string {
  const target = schema.type === 'array' && schema.items ? (schema.items as Json) : schema;
  const properties = target.properties as Record<string, Json> | undefined;
  if (!properties || depth > 4) return `<span class="type">${escapeHtml(typeLabel(schema))}</span>`;
  const required = new Set((target.required as string[] | undefined) ?? []);
  const items = Object.entries(properties)
    .map(
      ([name, property]) =>
        `<li><code>${escapeHtml(name)}</code>${required.has(name) ? '' : '?'} <span class="type">${escapeHtml(typeLabel(property))}</span>${
          property.description ? ` — ${escapeHtml(String(property.description))}` : ''
        }${(property.properties ?? (property.items as Json | undefined)?.properties) ? renderFields(property, depth + 1) : ''}</li>`,
    )
    .join('');
  return `${schema.type === 'array' ? '<span class="type">array of</span>' : ''}<ul>${items}</ul>`;
}

function typeLabel(schema: Json | undefined): string {
  if (!schema) return 'any';
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const variants = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (variants) return variants.map(typeLabel).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  if (type === 'array') return `${typeLabel(schema.items as Json | undefined)}[]`;
  const facets = [
    schema.format,
    schema.pattern === undefined ? undefined : `pattern ${String(schema.pattern)}`,
    schema.minimum === undefined ? undefined : `≥ ${String(schema.minimum)}`,
    schema.maximum === undefined ? undefined : `≤ ${String(schema.maximum)}`,
    schema.maxLength === undefined ? undefined : `≤ ${String(schema.maxLength)} chars`,
  ].filter((facet) => facet !== undefined);
  return facets.length > 0 ? `${type} (${facets.join(', ')})` : type;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#fafbfc}
header{padding:1rem 2rem;background:#fff;border-bottom:1px solid #dde}main{padding:0 2rem 3rem}
h1 small{font-weight:normal;color:#667;font-size:.6em}h2{margin-top:2rem;border-bottom:2px solid #dde}
.op{background:#fff;border:1px solid #dde;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:4em;text-align:center;color:#fff;border-radius:4px;font-size:.8em;padding:2px 6px}
.get{background:#2b6cb0}.post{background:#2f855a}.put,.patch{background:#b7791f}.delete{background:#c53030}
.id{color:#889;font-weight:normal;font-size:.8em}.access{color:#556;font-size:.9em}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #dde;padding:2px 8px;text-align:left}
.type{color:#7b341e;font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f4f5f7;padding:.5rem;overflow:auto;font-size:.8em}
#filter{width:100%;max-width:40rem;padding:.4rem;margin-top:.5rem}.ko{font-weight:600}
.try form{display:grid;grid-template-columns:max-content 1fr;gap:.3rem .6rem;align-items:center;max-width:60rem}
.try textarea,.try output,.try button{grid-column:1/-1}.try output{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.85em;background:#f4f5f7}
.try button{justify-self:start;padding:.3rem 1rem}:focus-visible{outline:3px solid #2b6cb0;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}`;

/**
 * The page's only script: the filter, and the try-it forms. Paths are resolved against the page's
 * own address (…/docs → …/), so the same page works locally and behind an API stage path.
 */
const SCRIPT = `document.getElementById('filter').addEventListener('input',function(e){var q=e.target.value.toLowerCase();
document.querySelectorAll('.op').forEach(function(op){op.style.display=op.dataset.search.indexOf(q)<0?'none':''});});
var token=document.getElementById('token');token.value=sessionStorage.getItem('hojo-docs-token')||'';
token.addEventListener('change',function(){sessionStorage.setItem('hojo-docs-token',token.value)});
var base=location.pathname.replace(/docs\\/?$/,'');
document.querySelectorAll('.try-form').forEach(function(form){form.addEventListener('submit',function(e){e.preventDefault();
var out=form.querySelector('.try-out'),path=form.dataset.path,query=new URLSearchParams(),headers={},body;
form.querySelectorAll('[data-in]').forEach(function(f){var v=f.value;if(f.dataset.in==='body'){if(v!==''){body=v;headers['content-type']=f.dataset.mediaType}return}
if(v==='')return;if(f.dataset.in==='path')path=path.replace('{'+f.dataset.name+'}',encodeURIComponent(v));
else if(f.dataset.in==='query')query.append(f.dataset.name,v);else headers[f.dataset.name]=v});
if(token.value)headers.authorization='Bearer '+token.value;var q=query.toString();out.textContent='…';
fetch(base+path.replace(/^\\//,'')+(q?'?'+q:''),{method:form.dataset.method,headers:headers,body:body}).then(function(r){
return r.text().then(function(t){var shown=t;try{shown=JSON.stringify(JSON.parse(t),null,2)}catch(x){}
out.textContent=r.status+' '+r.statusText+'\\n'+(r.headers.get('content-type')||'')+'\\n\\n'+shown})}).catch(function(err){out.textContent=String(err)})});});`;

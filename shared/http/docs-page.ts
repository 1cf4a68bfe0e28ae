import { problemCodes } from '#shared/domain/problem-codes.ts';
import type { OpenApiDocument } from '#shared/http/openapi.ts';

type Json = Record<string, unknown>;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly spec: Json;
}

/**
 * The API reference for people: a self-contained page (no CDN, no external script), rendered on
 * the server from the OpenAPI document, with a small inline filter.
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
    '<a href="#problem-codes">Problem codes</a>',
  ].join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</title>
<style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)} · OpenAPI ${escapeHtml(document.openapi)}</small></h1>
<p>${escapeHtml(document.info.description)}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a>. Protected operations need <code>Authorization: Bearer &lt;JWT&gt;</code>.</p>
<nav>${toc}</nav>
<input id="filter" type="search" placeholder="Filter operations (path, id, summary, role)" aria-label="Filter operations"></header>
<main>${sections}${renderProblemCodes()}</main>
<script>${FILTER_SCRIPT}</script></body></html>`;
}

/** Every code a problem+json answer can carry, with its meaning (the published list). */
function renderProblemCodes(): string {
  const rows = Object.entries(problemCodes)
    .map(([code, meaning]) => `<tr><td><code>${escapeHtml(code)}</code></td><td>${escapeHtml(meaning)}</td></tr>`)
    .join('');
  return `<section><h2 id="problem-codes">Problem codes</h2><p>Errors are RFC 9457 <code>application/problem+json</code>; clients switch on <code>code</code>.</p><table><thead><tr><th>code</th><th>meaning</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function renderOperation(op: Operation): string {
  const spec = op.spec;
  const access = spec['x-access'] as { kind: string; roles?: string[]; write?: boolean } | undefined;
  const accessText =
    access?.kind === 'public' ? 'public' : `${access?.kind ?? ''}${access?.write ? ' write' : ''}: ${(access?.roles ?? []).join(', ')}`;
  const parameters = (spec.parameters as Json[] | undefined) ?? [];
  const requestBody = spec.requestBody as Json | undefined;
  const responses = (spec.responses as Record<string, Json> | undefined) ?? {};
  return `<article class="op" data-search="${escapeHtml(`${op.method} ${op.path} ${String(spec.operationId)} ${String(spec.summary)} ${accessText}`.toLowerCase())}">
<h3><span class="method ${op.method.toLowerCase()}">${op.method}</span> <code>${escapeHtml(op.path)}</code> <span class="id">${escapeHtml(String(spec.operationId))}</span></h3>
<p>${escapeHtml(String(spec.summary ?? ''))}</p>${spec.description ? `<p class="desc">${escapeHtml(String(spec.description))}</p>` : ''}
<p class="access">Access: ${escapeHtml(accessText)}</p>
${parameters.length > 0 ? renderParameters(parameters) : ''}
${requestBody ? `<h4>Request body <small>${escapeHtml(String(requestBody.description ?? ''))}</small></h4>${renderSchema(contentSchema(requestBody))}` : ''}
<h4>Responses</h4><ul class="responses">${Object.entries(responses)
    .map(([status, response]) => {
      const schema = contentSchema(response);
      const isProblem = schema !== undefined && '$ref' in schema;
      return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(String(response.description ?? ''))}${schema && !isProblem ? renderSchema(schema) : ''}</li>`;
    })
    .join('')}</ul></article>`;
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
#filter{width:100%;max-width:40rem;padding:.4rem;margin-top:.5rem}`;

const FILTER_SCRIPT = `document.getElementById('filter').addEventListener('input',function(e){var q=e.target.value.toLowerCase();
document.querySelectorAll('.op').forEach(function(op){op.style.display=op.dataset.search.indexOf(q)<0?'none':''});});`;

import { strFromU8, unzipSync } from 'fflate';

/**
 * Reading back an XLSX the reports wrote (shared/domain/reports/xlsx.ts): its parts, a well-formedness
 * check of each XML part (every tag closed in order, attributes quoted, only the five predefined
 * entities or character references), and the cells of a sheet by reference.
 */
export function xlsxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The first problem of an XML text, or undefined when it is well-formed. */
export function xmlProblem(xml: string): string | undefined {
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/g;
  for (const m of body.matchAll(tag)) {
    if (m[2] === undefined) return `stray ${m[0]} at ${m.index}`;
    if (m[4] === '/') continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return `</${m[2]}> closes the wrong element at ${m.index}`;
    } else stack.push(m[2]);
  }
  return stack.length === 0 ? undefined : `unclosed <${stack.join('>, <')}>`;
}

const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '');

/** A sheet's cells by reference (A1 …): numbers as their text, inline strings unescaped. */
export function sheetCells(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
    const inner = m[2] ?? '';
    const value = /<v>(.*?)<\/v>/.exec(inner)?.[1] ?? /<t[^>]*>(.*?)<\/t>/.exec(inner)?.[1] ?? '';
    cells.set(m[1]!, unescapeXml(value));
  }
  return cells;
}

import type { RawXml } from './values';
import { cdata, escapeAttribute, escapeText } from './xml-text';

/**
 * Writes a piece of model.xml kept as read (RawXml) in the writer's own layout: one TAB per level,
 * `<X ... />` when empty, a leaf's text on the tag's line (CDATA as read, with the file's line
 * ending), attributes in the order read.
 */
export function writeRawXml(node: RawXml, depth: number, out: string[], nl: string): void {
  const tabs = '\t'.repeat(depth);
  const open = `${tabs}<${node.tag}${node.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}`;
  if (node.text !== undefined) {
    const body = node.text.cdata ? cdata(node.text.value, nl) : escapeText(node.text.value);
    out.push(`${open}>${body}</${node.tag}>`);
    return;
  }
  if (node.children.length === 0) {
    out.push(`${open} />`);
    return;
  }
  out.push(`${open}>`);
  for (const child of node.children) writeRawXml(child, depth + 1, out, nl);
  out.push(`${tabs}</${node.tag}>`);
}

/** The value of a kept element's attribute, if it has it. */
export function rawAttribute(node: RawXml, name: string): string | undefined {
  return node.attributes.find(([k]) => k === name)?.[1];
}

/**
 * A small uniform view over MSBuild/NuGet XML: every element is a list, names are
 * compared case-insensitively (MSBuild is case-insensitive), namespaces dropped.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ownEntry } from '../../core/ownEntry.js';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

export type XmlParseOutcome =
  | { ok: true; root: XmlElement }
  | { ok: false; message: string; line?: number; column?: number };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ':@',
  removeNSPrefix: true,
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Untrusted input: no DOCTYPE entity expansion at all; the five XML entities are decoded below.
  processEntities: false,
  allowBooleanAttributes: true,
});

const ENTITY_DECLARATION = /<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY/i;

export function parseXml(text: string): XmlParseOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // MSBuild and NuGet files need no DTD; entities in one are a bomb or an attempt to read a file, never expanded.
  const entity = ENTITY_DECLARATION.exec(body);
  if (entity) {
    const line = body.slice(0, entity.index).split('\n').length;
    return { ok: false, message: 'its DOCTYPE declares entities, which are never expanded', line, column: 1 };
  }
  const valid = XMLValidator.validate(body, { allowBooleanAttributes: true });
  if (valid !== true) {
    return { ok: false, message: valid.err.msg, line: valid.err.line, column: valid.err.col };
  }
  try {
    const ordered = parser.parse(body) as OrderedNode[];
    const elements = ordered.map(toElement).filter((e): e is XmlElement => e !== undefined);
    const root = elements[0];
    if (!root) return { ok: false, message: 'no root element' };
    return { ok: true, root };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name === '#text' || name.startsWith('?') || name === '#comment') return undefined;
  const content = (node[name] as OrderedNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of content) {
    if ('#text' in child) text += decodeEntities(String(child['#text']));
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[':@'] ?? {})) attributes[key] = decodeEntities(String(value));
  return { name, attributes, text: text.trim(), children };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ownEntry(ENTITIES, entity)!;
  });
}

/** Child elements with the given name (case-insensitive), at any depth. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const wanted = name.toLowerCase();
  const found: XmlElement[] = [];
  const stack = [...element.children].reverse();
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.name.toLowerCase() === wanted) found.push(current);
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
  return found;
}

/** Attribute by case-insensitive name. */
export function attr(element: XmlElement, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(element.attributes)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** An item's metadata: attribute (`Version="1"`) or child element (`<Version>1</Version>`). */
export function metadata(element: XmlElement, name: string): string | undefined {
  const fromAttribute = attr(element, name);
  if (fromAttribute !== undefined) return fromAttribute;
  const wanted = name.toLowerCase();
  return element.children.find((c) => c.name.toLowerCase() === wanted)?.text;
}

/** `<PropertyGroup>` values, the last definition winning as in MSBuild. */
export function properties(root: XmlElement): Record<string, string> {
  const result: Record<string, string> = {};
  for (const group of descendants(root, 'PropertyGroup')) {
    for (const property of group.children) {
      if (property.text !== '') result[property.name] = property.text;
    }
  }
  return result;
}

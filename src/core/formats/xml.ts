/**
 * A small, strict XML reader, enough for GraphML and CmapTools' CXL: elements, attributes, text, CDATA,
 * comments, processing instructions, the five predefined entities and character references.
 *
 * It refuses DOCTYPE declarations outright. GraphML and CXL need none, and the entities a DOCTYPE can
 * define are how "billion laughs" files exhaust memory; with no entity expansion at all, the
 * output can never be larger than the input. It reads in one loop with an explicit stack of
 * open elements — no recursion — and stops beyond MAX_XML_DEPTH levels, so any input up to the
 * loader's size limit is read in linear time. It stops at the first error, located, as XML
 * parsers do: after a well-formedness error the rest of the structure is guesswork.
 */
import type { Position } from '../load/locate.ts';
import { createLineIndex, type PositionOf } from '../load/line-index.ts';

/** GraphML nests graphml › graph › node › data › …; nested graphs add two levels each. */
export const MAX_XML_DEPTH = 100;

export interface XmlAttribute {
  name: string;
  value: string;
  /** Offset of the attribute's name. */
  offset: number;
}

export interface XmlText {
  kind: 'text';
  text: string;
  offset: number;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  /** The name without its namespace prefix: `y:NodeLabel` → `NodeLabel`. */
  localName: string;
  attributes: XmlAttribute[];
  children: (XmlElement | XmlText)[];
  /** Offset of the element's `<`. */
  offset: number;
}

export interface XmlError extends Position {
  message: string;
  hint?: string;
}

export type XmlParse =
  | { ok: true; root: XmlElement; positionOf: PositionOf }
  | { ok: false; error: XmlError };

/** Raised inside the reader to stop at the first error; never leaves this module. */
class XmlSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*/y;
const WHITESPACE = /[ \t\r\n]*/y;
/** Characters XML 1.0 cannot carry at all, not even as a character reference. */
const FORBIDDEN_CHARACTER = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])', // a high surrogate without its low half
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]', // a low surrogate without its high half
  ].join('|'),
);
const REFERENCE_OR_LINE_END = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_:][\w.:-]*)?(;)?|\r\n?|[\t\n]/g;
const NEEDS_DECODING = /[&\t\n\r]/;
const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY_HINT = 'only &lt; &gt; &amp; &quot; &apos; and character references such as &#233; are read';
/** The hint for a DOCTYPE, naming the format read (GraphML, CXL), which needs none. */
const doctypeHint = (format: string) =>
  `remove the <!DOCTYPE …> declaration; ${format} needs none, and entities it defines could expand without bound`;

export function parseXml(text: string, format = 'GraphML'): XmlParse {
  const positionOf = createLineIndex(text);
  try {
    return { ok: true, root: readDocument(text, positionOf, format), positionOf };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const hint = error.hint === undefined ? {} : { hint: error.hint };
    return { ok: false, error: { ...positionOf(error.offset), message: error.message, ...hint } };
  }
}

/** The concatenated text and CDATA directly inside `element`. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (child.kind === 'text' ? child.text : '')).join('');
}

export function attributeOf(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((attribute) => attribute.name === name);
}

/** The child elements, each with a name for messages: `node[2]`, or just `graph` when it is the only one. */
export function namedChildren(element: XmlElement): { element: XmlElement; name: string }[] {
  const elements = element.children.filter((child): child is XmlElement => child.kind === 'element');
  const total = new Map<string, number>();
  for (const child of elements) total.set(child.name, (total.get(child.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return elements.map((child) => {
    const index = seen.get(child.name) ?? 0;
    seen.set(child.name, index + 1);
    return { element: child, name: total.get(child.name) === 1 ? child.name : `${child.name}[${index}]` };
  });
}

function fail(offset: number, message: string, hint?: string): never {
  throw new XmlSyntaxError(offset, message, hint);
}

function readDocument(text: string, positionOf: PositionOf, format: string): XmlElement {
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) {
    const codePoint = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    fail(forbidden.index, `contains a character XML does not allow (U+${codePoint})`, 'remove it');
  }

  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  /** Offset of the end of `token`, searched from `from`; `what` started at `start`. */
  const endOf = (token: string, from: number, what: string, start: number): number => {
    const end = text.indexOf(token, from);
    if (end === -1) fail(start, `${what} is never closed`, `end it with \`${token}\``);
    return end + token.length;
  };

  let pos = /^<\?xml[ \t\r\n?]/.test(text) ? endOf('?>', 5, 'the XML declaration', 0) : 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? text.length : lt;
    if (textEnd > pos) addText(open, text, pos, textEnd);
    if (lt === -1) break;
    pos = lt;

    if (text.startsWith('<!--', pos)) {
      pos = endOf('-->', pos + 4, 'the comment', pos);
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = endOf(']]>', pos + 9, 'the CDATA section', pos);
      const parent = open.at(-1) ?? fail(pos, 'CDATA outside the root element');
      parent.children.push({ kind: 'text', text: text.slice(pos + 9, end - 3), offset: pos + 9 });
      pos = end;
    } else if (/^<!(DOCTYPE|ENTITY)/i.test(text.slice(pos, pos + 9))) {
      fail(pos, 'DOCTYPE and ENTITY declarations are not accepted', doctypeHint(format));
    } else if (text.startsWith('<!', pos)) {
      fail(pos, 'unexpected `<!`', 'only comments `<!-- -->` and `<![CDATA[ ]]>` sections may start with `<!`');
    } else if (text.startsWith('<?', pos)) {
      if (/^<\?xml[ \t\r\n?]/i.test(text.slice(pos, pos + 6))) {
        fail(pos, 'the XML declaration `<?xml …?>` must come first in the file');
      }
      pos = endOf('?>', pos + 2, 'the processing instruction', pos);
    } else if (text.startsWith('</', pos)) {
      pos = readEndTag(text, pos, open, positionOf);
    } else {
      const { element, selfClosing, end } = readStartTag(text, pos);
      const parent = open.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail(pos, `a second root element \`<${element.name}>\``, 'an XML file has one root element');
      else root = element;
      if (!selfClosing) {
        if (open.length >= MAX_XML_DEPTH) fail(pos, `elements are nested more than ${MAX_XML_DEPTH} levels deep`);
        open.push(element);
      }
      pos = end;
    }
  }

  const unclosed = open.at(-1);
  if (unclosed) {
    fail(unclosed.offset, `\`<${unclosed.name}>\` is never closed`, `end it with \`</${unclosed.name}>\``);
  }
  return root ?? fail(text.length, 'the file holds no XML element');
}

function addText(open: XmlElement[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const parent = open.at(-1);
  if (!parent) {
    const stray = raw.search(/[^ \t\r\n]/);
    if (stray !== -1) fail(start + stray, 'text outside the root element');
    return;
  }
  parent.children.push({ kind: 'text', text: decodeText(raw, start, 'text'), offset: start });
}

function readStartTag(text: string, start: number): { element: XmlElement; selfClosing: boolean; end: number } {
  const name =
    matchAt(NAME, text, start + 1) ?? fail(start, '`<` does not start a tag', 'write `&lt;` for a less-than sign');
  const attributes: XmlAttribute[] = [];
  const localName = name.slice(name.indexOf(':') + 1);
  const element: XmlElement = { kind: 'element', name, localName, attributes, children: [], offset: start };
  let pos = start + 1 + name.length;
  for (;;) {
    const spaced = skipWhitespace(text, pos);
    const hadSpace = spaced > pos;
    pos = spaced;
    if (text[pos] === '>') return { element, selfClosing: false, end: pos + 1 };
    if (text.startsWith('/>', pos)) return { element, selfClosing: true, end: pos + 2 };
    if (pos >= text.length) fail(start, `the tag \`<${name}\` is never closed`, 'end it with `>`');

    const attribute = hadSpace ? matchAt(NAME, text, pos) : undefined;
    if (attribute === undefined) {
      const hint = 'attributes are written name="value", separated by spaces';
      fail(pos, `unexpected \`${text[pos]}\` in the tag \`<${name}>\``, hint);
    }
    if (attributes.some((a) => a.name === attribute)) {
      fail(pos, `attribute \`${attribute}\` appears twice`, 'keep one');
    }
    const nameOffset = pos;
    pos = skipWhitespace(text, pos + attribute.length);
    if (text[pos] !== '=') fail(pos, `attribute \`${attribute}\` has no value`, `write ${attribute}="…"`);
    pos = skipWhitespace(text, pos + 1);
    const quote = text[pos];
    if (quote !== '"' && quote !== "'") fail(pos, `the value of \`${attribute}\` must be in quotes`);
    const close = text.indexOf(quote, pos + 1);
    if (close === -1) fail(pos, `the value of \`${attribute}\` is never closed`, `end it with ${quote}`);
    const raw = text.slice(pos + 1, close);
    const lessThan = raw.indexOf('<');
    if (lessThan !== -1) fail(pos + 1 + lessThan, '`<` in an attribute value', 'write `&lt;`');
    attributes.push({ name: attribute, value: decodeText(raw, pos + 1, 'attribute'), offset: nameOffset });
    pos = close + 1;
  }
}

function readEndTag(text: string, start: number, open: XmlElement[], positionOf: PositionOf): number {
  const name = matchAt(NAME, text, start + 2);
  const end = name === undefined ? -1 : skipWhitespace(text, start + 2 + name.length);
  if (name === undefined || text[end] !== '>') fail(start, 'malformed end tag', 'write it as `</name>`');
  const current = open.pop() ?? fail(start, `\`</${name}>\` closes no open element`);
  if (current.name !== name) {
    const { line, column } = positionOf(current.offset);
    const opening = `\`<${current.name}>\` opens at line ${line}, column ${column}`;
    fail(start, `\`</${name}>\` where \`</${current.name}>\` was expected`, opening);
  }
  return end + 1;
}

/**
 * Replaces entity and character references, and normalises line ends (and, in attribute
 * values, all whitespace) as the XML specification requires.
 */
function decodeText(raw: string, offset: number, context: 'text' | 'attribute'): string {
  if (!NEEDS_DECODING.test(raw)) return raw;
  return raw.replace(REFERENCE_OR_LINE_END, (match, reference?: string, semicolon?: string, ...more: unknown[]) => {
    const at = offset + (more[0] as number); // the match's offset in `raw`
    if (match[0] !== '&') {
      if (context === 'attribute') return ' ';
      return match === '\t' ? '\t' : '\n';
    }
    if (reference === undefined || semicolon === undefined) fail(at, 'a bare `&`', 'write `&amp;` for `&`');
    if (!reference.startsWith('#')) {
      return PREDEFINED_ENTITIES[reference] ?? fail(at, `unknown entity \`${match}\``, ENTITY_HINT);
    }
    const hex = reference[1] === 'x';
    const codePoint = parseInt(reference.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!isXmlCharacter(codePoint)) fail(at, `\`${match}\` is not a character XML allows`);
    return String.fromCodePoint(codePoint);
  });
}

function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

// `test` rather than `exec`: no match object for each of the many names a document has.
function matchAt(pattern: RegExp, text: string, offset: number): string | undefined {
  pattern.lastIndex = offset;
  return pattern.test(text) ? text.slice(offset, pattern.lastIndex) : undefined;
}

function skipWhitespace(text: string, offset: number): number {
  WHITESPACE.lastIndex = offset;
  WHITESPACE.test(text);
  return WHITESPACE.lastIndex;
}

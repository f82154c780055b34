import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, namedChildren, parseXml, textOf, type XmlElement } from '../../../src/core/formats/xml.ts';

function parsed(text: string): XmlElement {
  const result = parseXml(text);
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column} ${result.error.message}`);
  return result.root;
}

function errorOf(text: string): string {
  const result = parseXml(text);
  if (result.ok) throw new Error('expected an error');
  return `${result.error.line}:${result.error.column} ${result.error.message}`;
}

describe('parseXml', () => {
  it('reads elements, attributes, text, CDATA and references, skipping comments and processing instructions', () => {
    const root = parsed(
      '<?xml version="1.0"?>\n<!-- c --><?pi x?><a x="1 &amp; 2" y=\'&#x41;&#66;\'>t&lt;&gt;&quot;&apos;<![CDATA[<&>]]><b/><!-- d --></a>\n',
    );
    expect(root.name).toBe('a');
    expect(root.attributes.map((a) => [a.name, a.value])).toEqual([
      ['x', '1 & 2'],
      ['y', 'AB'],
    ]);
    expect(textOf(root)).toBe('t<>"\'<&>');
    expect(namedChildren(root).map((c) => c.name)).toEqual(['b']);
  });

  it('normalises line ends, and whitespace in attribute values, as XML requires', () => {
    const root = parsed('<a v="x\ty\r\nz&#10;">one\r\ntwo\rthree&#13;</a>');
    expect(root.attributes[0]!.value).toBe('x y z\n');
    expect(textOf(root)).toBe('one\ntwo\nthree\r');
  });

  it('names repeated children by their place among their namesakes', () => {
    const root = parsed('<g><node/><edge/><node/><y:Label/></g>');
    expect(namedChildren(root).map((c) => c.name)).toEqual(['node[0]', 'edge', 'node[1]', 'y:Label']);
    expect(namedChildren(root)[3]!.element.localName).toBe('Label');
  });

  it.each([
    ['<a><b></a>', '1:7 `</a>` where `</b>` was expected'],
    ['<a>\n  <b>\n</a>', '3:1 `</a>` where `</b>` was expected'],
    ['<a>', '1:1 `<a>` is never closed'],
    ['</a>', '1:1 `</a>` closes no open element'],
    ['<a/><b/>', '1:5 a second root element `<b>`'],
    ['text<a/>', '1:1 text outside the root element'],
    ['<a/>\n  tail', '2:3 text outside the root element'],
    ['<a x="1" x="2"/>', '1:10 attribute `x` appears twice'],
    ['<a x=1/>', '1:6 the value of `x` must be in quotes'],
    ['<a x/>', '1:5 attribute `x` has no value'],
    ['<a x="1"y="2"/>', '1:9 unexpected `y` in the tag `<a>`'],
    ['<a x="<"/>', '1:7 `<` in an attribute value'],
    ['<a x="1', '1:6 the value of `x` is never closed'],
    ['<a', '1:1 the tag `<a` is never closed'],
    ['<a>1 < 2</a>', '1:6 `<` does not start a tag'],
    ['<a>fish & chips</a>', '1:9 a bare `&`'],
    ['<a>&nbsp;</a>', '1:4 unknown entity `&nbsp;`'],
    ['<a>&#0;</a>', '1:4 `&#0;` is not a character XML allows'],
    ['<a>&#x110000;</a>', '1:4 `&#x110000;` is not a character XML allows'],
    ['<a>\u0001</a>', '1:4 contains a character XML does not allow (U+0001)'],
    ['<a><!-- open </a>', '1:4 the comment is never closed'],
    ['<a><![CDATA[ open </a>', '1:4 the CDATA section is never closed'],
    ['<![CDATA[x]]><a/>', '1:1 CDATA outside the root element'],
    ['<!DOCTYPE a><a/>', '1:1 DOCTYPE and ENTITY declarations are not accepted'],
    ['<a><!ENTITY x "y"></a>', '1:4 DOCTYPE and ENTITY declarations are not accepted'],
    ['<a><!ELEMENT a ANY></a>', '1:4 unexpected `<!`'],
    ['<a/><?xml version="1.0"?>', '1:5 the XML declaration `<?xml …?>` must come first in the file'],
    ['<?xml version="1.0"', '1:1 the XML declaration is never closed'],
    ['', '1:1 the file holds no XML element'],
    ['<!-- only a comment -->', '1:24 the file holds no XML element'],
  ])('%j: %s', (text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it(`refuses nesting deeper than ${MAX_XML_DEPTH} levels, at once, even 100 000 deep`, () => {
    expect(() => parsed(`${'<a>'.repeat(MAX_XML_DEPTH)}${'</a>'.repeat(MAX_XML_DEPTH)}`)).not.toThrow();
    const started = performance.now();
    expect(errorOf('<a>'.repeat(100_000))).toBe(`1:${3 * MAX_XML_DEPTH + 1} elements are nested more than ${MAX_XML_DEPTH} levels deep`);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses an entity-expansion bomb before expanding anything', () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('\n');
    const started = performance.now();
    expect(errorOf(`<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY l0 "lol">\n${entities}\n]>\n<x>&l9;</x>`)).toBe(
      '2:1 DOCTYPE and ENTITY declarations are not accepted',
    );
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('reads a large flat document in linear time', () => {
    // 4 MB; quadratic work anywhere would take minutes, so a generous bound still catches it.
    const text = `<g>${'<node id="n" label="a &amp; b">text</node>'.repeat(100_000)}</g>`;
    const started = performance.now();
    expect(parsed(text).children).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestPassage, createQuoteFinder, findQuote } from '../../../src/core/load/text.ts';

const TEXT = 'Calcinosis  is\ncommon.\n\nIt\tfollows   chronic\r\nischaemia\u00a0of the digits.';

describe('findQuote', () => {
  it.each([
    ['an exact passage', 'Calcinosis', 'Calcinosis'],
    ['a passage across a line break', 'is common.', 'is\ncommon.'],
    ['a passage across blank lines and a tab', 'common. It follows', 'common.\n\nIt\tfollows'],
    ['a passage across CRLF and a no-break space', 'chronic ischaemia of', 'chronic\r\nischaemia\u00a0of'],
    ['a quote wrapped differently than the text', 'follows\n   chronic ischaemia', 'follows   chronic\r\nischaemia'],
    ['a quote with surrounding whitespace', '  \n the digits. ', 'the digits.'],
    ['a passage ending the text', 'digits.', 'digits.'],
  ])('finds %s', (_, quote, original) => {
    const span = findQuote(TEXT, quote);
    expect(span).not.toBeNull();
    expect(TEXT.slice(span!.start, span!.end)).toBe(original);
  });

  it.each([
    ['different letters', 'Calcinosis is rare'],
    ['different case', 'calcinosis is common'],
    ['curly instead of straight quotes', 'It’s common'],
    ['a missing space', 'iscommon'],
    ['an empty quote', ''],
    ['a blank quote', ' \n\t '],
  ])('does not find %s', (_, quote) => {
    expect(findQuote(TEXT, quote)).toBeNull();
  });

  it('returns the first occurrence', () => {
    expect(findQuote('a b a b', 'a b')).toEqual({ start: 0, end: 3 });
  });

  it('answers many searches from one prepared text', () => {
    const finder = createQuoteFinder(TEXT);
    expect(finder.find('is common.')).toEqual(findQuote(TEXT, 'is common.'));
    expect(finder.find('digits.')).toEqual(findQuote(TEXT, 'digits.'));
  });

  it('finds any passage of a text however its whitespace is rewritten (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z.,’"-]{1,8}$/);
    const space = fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u00a0', ' \n ');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        fc.array(space, { maxLength: 30 }),
        (pieces, a, b, respacing) => {
          const text = pieces.map(([w, s]) => w + s).join('');
          const from = a % pieces.length;
          const to = from + (b % (pieces.length - from));
          const quote = pieces
            .slice(from, to + 1)
            .map(([w], i) => w + (respacing[i] ?? ' '))
            .join('');
          const span = findQuote(text, quote);
          expect(span).not.toBeNull();
          const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
          expect(squash(text.slice(span!.start, span!.end))).toBe(squash(quote));
        },
      ),
    );
  });
});

describe('closestPassage', () => {
  const SOURCE =
    'Background. Systemic sclerosis affects the skin. Methods. We followed 52 patients. ' +
    'Results. Digital ulcers preceded calcinosis in most patients, and calcinosis was painful.';

  it('starts at the passage sharing the most words with the quote', () => {
    expect(closestPassage(SOURCE, 'digital ulcers preceded calcinosis in all patients')).toBe(
      'Digital ulcers preceded calcinosis in most patients, and calcinosis was painful.',
    );
  });

  it('cuts long passages at a word boundary and marks the cut', () => {
    const passage = closestPassage(SOURCE, 'Systemic sclerosis affects the lungs');
    expect(passage).toMatch(/^Systemic sclerosis affects the skin\. .*…$/);
    expect(passage.length).toBeLessThanOrEqual(81);
  });

  it('collapses whitespace in the passage', () => {
    expect(closestPassage('one\n\ntwo   three', 'two three four')).toBe('two three');
  });

  it('is empty when the text shares no word with the quote', () => {
    expect(closestPassage(SOURCE, 'zebra xylophone')).toBe('');
    expect(closestPassage('', 'anything')).toBe('');
  });
});

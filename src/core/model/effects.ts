/**
 * What a relation says happens, when its map does not declare it: read from the wording of the
 * relation, and `associated` (no direction of cause) when the wording says nothing clear. Used
 * for Pathomap files that leave `effect` out and for maps imported from other tools.
 */
import type { RelationEffect } from './types.ts';

/**
 * Checked in order: the first rule whose words occur decides. Negations come first ("should not
 * be treated with" advises against, it does not treat), then inhibition ("reduces", a verb that
 * would otherwise read as an effect of any kind), then the rest.
 */
const RULES: readonly [RelationEffect, RegExp][] = [
  ['advised-against', /\b(should not|must not|not (be )?(used|recommended|given)|advised against|avoid(ed)?|contraindicated)\b/],
  ['inhibits', /\b(inhibit|prevent|reduc|suppress|block|protect|lower|decreas|counteract|antagoni)/],
  ['treats', /\b(treat|therap|tried (for|in|on)|used (for|in) the treatment|manag|resolv|excis)/],
  ['diagnoses', /\b(diagnos|imag|detect|visuali[sz]|reveal|confirm|screen)/],
  ['part-of', /\b(is an? (form|kind|type|subset|part|subtype|example) of|forms? part of|belongs? to|includes?|comprises?|consists? of)\b/],
  ['associated', /\b(associat|correlat|linked|co-?occur|more (often|frequent|common)|less (often|frequent|common)|goes? with|found with)/],
  ['promotes', /\b(promot|caus|lead|drive|induc|increas|trigger|produc|enhanc|activat|result|contribut|mediat|favou?r)/],
];

export function inferEffect(relation: string): RelationEffect {
  const text = relation.toLowerCase();
  for (const [effect, words] of RULES) if (words.test(text)) return effect;
  return 'associated';
}

/**
 * Checks a loaded map against `graph-data/schema.json` and explains what is wrong in an
 * author's terms: one message per problem, at the field it concerns.
 *
 * Uses @cfworker/json-schema because it interprets the schema instead of compiling code with
 * eval/new Function, so it also runs under a strict Content-Security-Policy in the browser.
 * Its raw output is a tree of wrapper errors ("property X does not match", "A subschema had
 * errors") around the real causes, plus every failing branch of a `oneOf`; we keep the causes
 * and, for a `oneOf`, only the branch the author evidently meant.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import mapSchemaJson from '../../../graph-data/schema.json' with { type: 'json' };
import { code, type FieldPath, type Issue } from './issue.ts';
import { closestName } from './suggest.ts';
import { EVIDENCE_ORIGINS, EVIDENCE_VERDICTS } from '../model/types.ts';

export const mapSchema = mapSchemaJson as Schema;

const ONTOLOGY_TERMS: Schema = {
  title: 'Ontology terms',
  description: 'Terms of public ontologies the concept is bound to, e.g. `HP:0000155`.',
  type: 'array',
  maxItems: 200,
  items: {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: {
      id: {
        title: 'Term id',
        description: 'A compact id: the ontology prefix, a colon and the local id, e.g. `GO:0006954`.',
        type: 'string',
        maxLength: 200,
        pattern: '^[A-Za-z][A-Za-z0-9_.-]*:[^\\s]+$',
        patternErrorMessage: 'Write a compact term id such as "HP:0000155".',
      },
      label: { $ref: '#/$defs/label' },
      role: { $ref: '#/$defs/label' },
    },
  },
};

const RECORDED_EVIDENCE: Schema = {
  title: '`recordedIn`: evidence as another tool recorded it, not checked by Pathomap',
  description: 'An evidence item imported from a knowledge base or tool such as DisMech or CmapTools.',
  type: 'object',
  required: ['ref', 'recordedIn'],
  additionalProperties: false,
  properties: {
    ref: { $ref: '#/$defs/id' },
    recordedIn: { title: 'Recorded in', description: 'The tool or knowledge base that recorded the item.', $ref: '#/$defs/label' },
    excerpt: { title: 'Excerpt', description: 'A passage of the source as they quote it.', $ref: '#/$defs/longText' },
    checkedAgainst: {
      title: 'Checked against',
      description: 'What they checked the excerpt against, e.g. "the cited abstract".',
      $ref: '#/$defs/label',
    },
    verdict: { title: 'Verdict', type: 'string', enum: [...EVIDENCE_VERDICTS] },
    origin: { title: 'Origin', type: 'string', enum: [...EVIDENCE_ORIGINS] },
    note: { title: 'Note', description: "The curator's note.", $ref: '#/$defs/longText' },
    stance: { title: 'Stance', type: 'string', enum: ['supports', 'contradicts'] },
  },
};

/**
 * The schema a map imported from another tool must fit: the same, except that a concept or
 * relation may have no evidence, since other tools carry none, and then a relation has no
 * level either; evidence may be as another tool recorded it (DisMech, CmapTools), and concepts
 * may name the ontology terms they are bound to. The loader marks items without evidence
 * "no source". Pathomap files keep the stricter rules of `graph-data/schema.json`.
 */
const importedMapSchema: Schema = (() => {
  const definitions = mapSchema.$defs as Record<string, Schema>;
  const edge = definitions['edge']!;
  const node = definitions['node']!;
  const evidenceItem = definitions['evidenceItem']!;
  return {
    ...mapSchema,
    $defs: {
      ...definitions,
      evidence: { ...definitions['evidence']!, minItems: 0 },
      // Without evidence there is no level to give, and none is invented.
      edge: { ...edge, required: (edge.required as string[]).filter((field) => field !== 'level') },
      node: { ...node, properties: { ...node.properties, terms: ONTOLOGY_TERMS } },
      evidenceItem: { ...evidenceItem, oneOf: [...(evidenceItem.oneOf as Schema[]), RECORDED_EVIDENCE] },
    },
  };
})();
export interface SchemaOptions {
  /** Check as an imported map, whose concepts and relations may have no evidence. */
  allowUnsourced?: boolean;
}

// Lazily, so merely importing this module costs nothing.
const validators = new Map<Schema, Validator>();

/** Everything in `value` that does not fit the map schema; empty when it fits. */
export function checkAgainstSchema(value: unknown, options: SchemaOptions = {}): Issue[] {
  const { issues, validatable } = checkPlainData(value);
  if (!validatable) return issues;
  const schema = options.allowUnsourced ? importedMapSchema : mapSchema;
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = new Validator(schema, '2020-12', false)));
  const { errors } = validator.validate(value);
  // A value already reported (say, an infinite number) needs no second opinion from the schema.
  const reported = new Set(issues.map((i) => JSON.stringify(i.path)));
  const schemaIssues = explainErrors(errors, value, schema).filter((i) => !reported.has(JSON.stringify(i.path)));
  return [...issues, ...schemaIssues];
}

// ---------------------------------------------------------------------------
// What JSON Schema cannot express about YAML data.
// ---------------------------------------------------------------------------

const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * YAML can produce things JSON cannot: `.nan`/`.inf`, strings with unpaired surrogates from
 * `"\uD800"` escapes, and, through aliases, structures that contain themselves.
 */
function checkPlainData(value: unknown): { issues: Issue[]; validatable: boolean } {
  const issues: Issue[] = [];
  // The validator cannot cope with cycles, nor with keys that are not valid Unicode.
  let validatable = true;
  const ancestors = new Set<unknown>();
  const visit = (item: unknown, path: (string | number)[]): void => {
    if (typeof item === 'number' && !Number.isFinite(item)) {
      issues.push({ path, message: 'must be a finite number' });
    } else if (typeof item === 'string' && UNPAIRED_SURROGATE.test(item)) {
      issues.push({ path, message: 'contains an invalid character (an unpaired surrogate escape)' });
    } else if (typeof item === 'object' && item !== null) {
      if (ancestors.has(item)) {
        issues.push({ path, message: 'contains itself (through a YAML alias)' });
        validatable = false;
        return;
      }
      ancestors.add(item);
      for (const [key, child] of Object.entries(item)) {
        const segment = Array.isArray(item) ? Number(key) : key;
        if (UNPAIRED_SURROGATE.test(key)) {
          issues.push({ path: [...path, key], at: 'key', message: 'has a key with an invalid character' });
          validatable = false;
        } else visit(child, [...path, segment]);
      }
      ancestors.delete(item);
    }
  };
  visit(value, []);
  return { issues, validatable };
}

// ---------------------------------------------------------------------------
// Turning validator output into issues.
// ---------------------------------------------------------------------------

/** Wrapper keywords whose errors only repeat what their sub-schemas already reported. */
const WRAPPERS = new Set(['properties', 'items', 'prefixItems', '$ref', 'allOf', 'anyOf']);

/** When one value breaks several rules, the first of these is the one worth reading. */
const VALUE_RULE_ORDER = [
  'type', 'enum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'minimum', 'maximum',
];

/** Our stand-in keyword for a `oneOf` whose intended branch is unclear. */
const UNCLEAR_ONE_OF = 'oneOf:unclear';

function explainErrors(errors: OutputUnit[], root: unknown, schema: Schema): Issue[] {
  const ranked: { issue: Issue; rank: number }[] = [];
  // A `false` schema error only repeats its `additionalProperties` error, and its keyword
  // location is wrong (it repeats the instance location), so it would break the grouping below.
  const meaningful = errors.filter((e) => e.keyword !== 'false');
  for (const error of pruneOneOfBranches(meaningful, root, schema)) {
    if (WRAPPERS.has(error.keyword)) continue;
    const path = pointerToPath(error.instanceLocation, root);
    const rank = VALUE_RULE_ORDER.indexOf(error.keyword);
    for (const issue of describe(error, path, valueAt(root, path), schema)) ranked.push({ issue, rank });
  }

  // Of the rules a value breaks, report only the most telling; and nothing twice.
  const bestRank = new Map<string, number>();
  for (const { issue, rank } of ranked) {
    if (rank < 0) continue;
    const key = JSON.stringify(issue.path);
    bestRank.set(key, Math.min(rank, bestRank.get(key) ?? rank));
  }
  const seen = new Set<string>();
  return ranked.flatMap(({ issue, rank }) => {
    if (rank >= 0 && bestRank.get(JSON.stringify(issue.path)) !== rank) return [];
    const key = `${issue.at ?? 'value'} ${JSON.stringify(issue.path)} ${issue.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [issue];
  });
}

/**
 * For each failed `oneOf`, keeps the errors of the one branch the value was evidently meant
 * to match (it has that branch's distinctive fields) and drops the other branches' errors.
 * When no branch or several fit, the branch errors give way to one issue naming the choices,
 * plus whatever every branch found wrong inside the value (e.g. a malformed `ref`).
 * When the value is not even of the type the `oneOf` sits under, that type error says it all.
 */
function pruneOneOfBranches(errors: OutputUnit[], root: unknown, schema: Schema): OutputUnit[] {
  const typeErrors = new Set(
    errors.filter((e) => e.keyword === 'type').map((e) => `${e.instanceLocation} ${e.keywordLocation}`),
  );
  const pruned: OutputUnit[] = [];
  for (let i = 0; i < errors.length; i++) {
    const oneOf = errors[i]!;
    if (oneOf.keyword !== 'oneOf') {
      pruned.push(oneOf);
      continue;
    }
    // The validator lists a `oneOf`'s branch errors right after it, depth first.
    let end = i + 1;
    while (end < errors.length && isInsideOneOf(errors[end]!, oneOf)) end++;
    const branchErrors = errors.slice(i + 1, end);
    i = end - 1;

    const typeOfOneOf = `${parentLocation(oneOf.keywordLocation)}/type`;
    if (typeErrors.has(`${oneOf.instanceLocation} ${typeOfOneOf}`)) continue;
    const branches = (schemaAt(oneOf.keywordLocation, schema) ?? []) as Schema[];
    const meant = branchesMeant(branches, valueAt(root, pointerToPath(oneOf.instanceLocation, root)));
    if (meant.length === 1) {
      const prefix = `${oneOf.keywordLocation}/${meant[0]}/`;
      const meantErrors = branchErrors.filter((e) => e.keywordLocation.startsWith(prefix));
      pruned.push(...pruneOneOfBranches(meantErrors, root, schema));
    } else {
      const sharedErrors = errorsInEveryBranch(oneOf, branchErrors, branches.length);
      pruned.push({ ...oneOf, keyword: UNCLEAR_ONE_OF }, ...pruneOneOfBranches(sharedErrors, root, schema));
    }
  }
  return pruned;
}

function isInsideOneOf(error: OutputUnit, oneOf: OutputUnit): boolean {
  const at = error.instanceLocation;
  const inside = at === oneOf.instanceLocation || at.startsWith(`${oneOf.instanceLocation}/`);
  return inside && error.keywordLocation.startsWith(`${oneOf.keywordLocation}/`);
}

/**
 * The errors all branches agree on, as reported by the first branch; except the `oneOf`
 * value's own missing and unknown fields, which depend on the branch meant.
 */
function errorsInEveryBranch(
  oneOf: OutputUnit,
  branchErrors: OutputUnit[],
  branchCount: number,
): OutputUnit[] {
  const branchPrefix = `${oneOf.keywordLocation}/`;
  const split = (e: OutputUnit) => {
    const [branch = '', ...rest] = e.keywordLocation.slice(branchPrefix.length).split('/');
    return { branch: Number(branch), key: `${e.instanceLocation} ${e.keyword} ${rest.join('/')}` };
  };
  const branchesByKey = new Map<string, Set<number>>();
  for (const e of branchErrors) {
    const { branch, key } = split(e);
    branchesByKey.set(key, (branchesByKey.get(key) ?? new Set()).add(branch));
  }
  return branchErrors.filter((e) => {
    const { branch, key } = split(e);
    const ownFields =
      e.instanceLocation === oneOf.instanceLocation &&
      (e.keyword === 'required' || e.keyword === 'additionalProperties');
    return branch === 0 && !ownFields && branchesByKey.get(key)?.size === branchCount;
  });
}

/** Indices of the branches whose distinctive required fields `instance` has. */
function branchesMeant(branches: Schema[], instance: unknown): number[] {
  if (!isRecord(instance)) return [];
  return branches.flatMap((_, i) =>
    distinctiveFields(branches, i).some((field) => field in instance) ? [i] : [],
  );
}

/** Required fields of branch `i` that no other branch allows: the ones that identify it. */
function distinctiveFields(branches: Schema[], i: number): string[] {
  const others = branches.filter((_, j) => j !== i);
  return (branches[i]?.required ?? []).filter(
    (field) => !others.some((other) => other.properties && field in other.properties),
  );
}

function describe(error: OutputUnit, path: FieldPath, instance: unknown, root: Schema): Issue[] {
  const schema = schemaAt(error.keywordLocation, root);
  const parent = schemaAt(parentLocation(error.keywordLocation), root) as Schema | undefined;
  switch (error.keyword) {
    case 'required':
      return missingFields(path, instance, (schema ?? []) as string[], parent);
    case 'additionalProperties':
      return unknownFields(path, instance, Object.keys(parent?.properties ?? {}));
    case UNCLEAR_ONE_OF:
      return unclearChoice(path, instance, (schema ?? []) as Schema[]);
    case 'type':
      return [typeIssue(path, instance, schema as Schema['type'])];
    case 'enum': {
      const allowed = ((schema ?? []) as unknown[]).map(String);
      const closest = typeof instance === 'string' ? closestName(instance, allowed) : undefined;
      return [
        {
          path,
          message: `must be one of ${allowed.map(code).join(', ')}`,
          ...(closest ? { hint: `did you mean ${code(closest)}?` } : {}),
        },
      ];
    }
    case 'pattern': {
      // The schema's `patternErrorMessage` is what editors show too; here it becomes a hint.
      const explanation = parent?.patternErrorMessage;
      return [
        {
          path,
          message: `${preview(instance)} is not allowed here`,
          hint: typeof explanation === 'string' ? asHint(explanation) : `must match ${String(schema)}`,
        },
      ];
    }
    case 'minLength':
      return [{ path, message: schema === 1 ? 'must not be empty' : `needs at least ${String(schema)} characters` }];
    case 'maxLength':
      return [{ path, message: `is too long (${lengthOf(instance)} characters; at most ${String(schema)})` }];
    case 'minItems':
      return [{ path, message: schema === 1 ? 'needs at least one item' : `needs at least ${String(schema)} items` }];
    case 'maxItems':
      return [{ path, message: `has too many items (${lengthOf(instance)}; at most ${String(schema)})` }];
    case 'minimum':
      return [{ path, message: `must be at least ${String(schema)}` }];
    case 'maximum':
      return [{ path, message: `must be at most ${String(schema)}` }];
    default:
      // A keyword our schema does not use today: fall back to the validator's own words.
      return [{ path, message: error.error }];
  }
}

function missingFields(
  path: FieldPath,
  instance: unknown,
  required: string[],
  owner: Schema | undefined,
): Issue[] {
  if (!isRecord(instance)) return [];
  return required
    .filter((field) => !(field in instance))
    .map((field) => ({
      path,
      message: `missing required field ${code(field)}`,
      ...hintFrom(owner?.properties?.[field]),
    }));
}

function unknownFields(path: FieldPath, instance: unknown, allowed: string[]): Issue[] {
  if (!isRecord(instance)) return [];
  return Object.keys(instance)
    .filter((field) => !allowed.includes(field))
    .map((field) => {
      const closest = closestName(field, allowed);
      return {
        path: [...path, field],
        at: 'key' as const,
        message: `unknown field ${code(field)}`,
        hint: closest ? `did you mean ${code(closest)}?` : `allowed here: ${allowed.map(code).join(', ')}`,
      };
    });
}

/** A value that fits none of a `oneOf`'s branches, or looks like several: name the choices. */
function unclearChoice(path: FieldPath, instance: unknown, branches: Schema[]): Issue[] {
  const distinctive = branches.map((_, i) => distinctiveFields(branches, i));
  const present = distinctive
    .map((fields) => fields.filter((field) => isRecord(instance) && field in instance))
    .filter((fields) => fields.length > 0);
  const titles = branches.map((b) => b.title).filter((t): t is string => typeof t === 'string');
  const choice: Issue = {
    path,
    message:
      present.length === 0
        ? `needs either ${distinctive.map((fields) => fields.map(code).join(' + ')).join(' or ')}`
        : `cannot have both ${present.map((fields) => fields.map(code).join(' + ')).join(' and ')}`,
    ...(titles.length > 0 ? { hint: titles.join('; or ') } : {}),
  };
  // Fields every branch requires are missing whichever branch is meant.
  const commonRequired = (branches[0]?.required ?? []).filter((field) =>
    branches.every((branch) => branch.required?.includes(field)),
  );
  return [choice, ...missingFields(path, instance, commonRequired, branches[0])];
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function typeIssue(path: FieldPath, instance: unknown, expected: Schema['type']): Issue {
  const wanted = [expected ?? []].flat().map((t) => TYPE_NAMES[t] ?? t).join(' or ');
  const found = describeType(instance);
  const quoteIt =
    expected === 'string' && (typeof instance === 'number' || typeof instance === 'boolean');
  return {
    path,
    message: `must be ${wanted}, not ${found}`,
    ...(quoteIt ? { hint: `write it in quotes: "${String(instance)}"` } : {}),
  };
}

function describeType(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return typeof value;
}

/** A value quoted for a message, shortened if long. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** An editor-style sentence ("Use …. ") as a hint fragment ("use …"). */
function asHint(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, '');
}

/** The first sentence of a field's description, as a hint on what to write there. */
function hintFrom(property: unknown): { hint?: string } {
  const description = isRecord(property) ? property.description : undefined;
  if (typeof description !== 'string') return {};
  const firstSentence = description.split(/\.\s+(?=[A-Z])/)[0]!;
  return { hint: asHint(firstSentence) };
}

function lengthOf(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  return Array.isArray(value) ? value.length : 0;
}

// ---------------------------------------------------------------------------
// Pointers into the data and into the schema.
// ---------------------------------------------------------------------------

/** Splits a validator location (`#/nodes/3/id`, URI-encoded JSON pointer) into segments. */
function pointerSegments(location: string): string[] {
  const pointer = location.replace(/^#/, '');
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The data path of an instance location; array indices become numbers. */
function pointerToPath(location: string, root: unknown): FieldPath {
  const path: (string | number)[] = [];
  let value = root;
  for (const segment of pointerSegments(location)) {
    const key = Array.isArray(value) ? Number(segment) : segment;
    path.push(key);
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let value = root;
  for (const segment of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** The schema value at a keyword location in `root`, following `$ref`s the way the validator did. */
function schemaAt(location: string, root: Schema): unknown {
  let node: unknown = root;
  for (const segment of pointerSegments(location)) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    if (segment === '$ref' && isRecord(node) && typeof node.$ref === 'string') {
      node = schemaAt(node.$ref, root);
    } else node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** The location of the schema that holds the keyword at `location`. */
function parentLocation(location: string): string {
  return location.slice(0, location.lastIndexOf('/'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

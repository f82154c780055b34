/**
 * Reading a JSON document into a draft: fields by name, each with its origin at its JSON path,
 * and the problems of its overall shape in the wording the schema check uses.
 */
import { code, type FieldPath } from '../load/issue.ts';
import type { Locator } from '../load/locate.ts';
import { isRecord, type RawRecord } from '../load/raw-map.ts';
import { problemAt, type DraftProblem, type Sourced } from './imported-map.ts';
import { jsonOrigin, type Origin } from './origins.ts';

export class JsonDraftReader {
  readonly problems: DraftProblem[] = [];

  constructor(private readonly locate: Locator) {}

  at(path: FieldPath): Origin {
    return jsonOrigin(path, this.locate);
  }

  /** `record[name]` with its origin, if present. */
  field(record: RawRecord, path: FieldPath, name: string): Sourced | undefined {
    return Object.hasOwn(record, name) ? { value: record[name], origin: this.at([...path, name]) } : undefined;
  }

  /** Looks fields of `record` up by name, for `readFields`. */
  lookup(record: RawRecord, path: FieldPath): (name: string) => Sourced | undefined {
    return (name) => this.field(record, path, name);
  }

  /** The list at `record[name]`: empty when absent (a problem when `required`), a problem when not a list. */
  list(record: RawRecord, path: FieldPath, name: string, required: boolean, hint?: string): unknown[] {
    const value = record[name];
    if (Array.isArray(value)) return value;
    if (value === undefined) {
      if (required) this.report(path, `missing required field ${code(name)}`, hint);
    } else {
      this.report([...path, name], 'must be a list', hint);
    }
    return [];
  }

  /** `value` when it is an object (a mapping); otherwise reports that it must be one. */
  object(value: unknown, path: FieldPath, example: string): RawRecord | undefined {
    if (isRecord(value)) return value;
    this.report(path, `must be an object, e.g. ${example}`);
    return undefined;
  }

  report(path: FieldPath, message: string, hint?: string, severity?: DraftProblem['severity']): void {
    this.problems.push(problemAt(this.at(path), message, hint, severity));
  }
}

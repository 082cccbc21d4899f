import type { OpenApiDocument } from '../spec/types';
import { operationFields, type OperationField } from './ids';

/**
 * The dev server's reloads: each operation's fields, kept from the last reload by a hash of the operation's
 * mini-spec, which holds everything its fields are read from (the operation and every schema it reaches). A reload
 * of the 3 MB spec then walks the schemas of the edited operation only: walking all 345 took about 1 s of each
 * reload. A production build computes each once and keeps nothing.
 */
export class OperationFieldsMemo {
  private lastReload = new Map<string, OperationField[]>();
  private thisReload = new Map<string, OperationField[]>();
  /** Fields walked, rather than kept from the last reload. */
  computed = 0;

  /** `digest`: the mini-spec's miniSpecDigest, which the caller has computed for the render cache too. */
  fields(miniSpec: OpenApiDocument, digest: string, path: string, method: string): OperationField[] {
    const key = JSON.stringify([path, method, digest]);
    let fields = this.thisReload.get(key) ?? this.lastReload.get(key);
    if (!fields) {
      fields = operationFields(miniSpec, path, method);
      this.computed++;
    }
    this.thisReload.set(key, fields);
    return fields;
  }

  /** Ends a reload: what it did not ask for is forgotten. */
  endReload(): void {
    this.lastReload = this.thisReload;
    this.thisReload = new Map();
  }
}

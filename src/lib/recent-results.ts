/**
 * The results of a pure computation for its last `limit` distinct inputs, the oldest forgotten first: for the
 * build steps that meet the same inputs again and again (a spec's shared descriptions, schemas and styles).
 */
export class RecentResults<Value> {
  private readonly results = new Map<string, Value>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => Value): Value {
    if (this.results.has(key)) return this.results.get(key)!;
    const value = compute();
    this.results.set(key, value);
    if (this.results.size > this.limit) this.results.delete(this.results.keys().next().value!);
    return value;
  }
}

/**
 * A JSON example written as the object literal the Node SDK's models accept: the SDK is generated
 * from the same spec, so every property the schema declares is camelCased (`phone_number` →
 * `phoneNumber`) and every `format: date-time` string is a `Date`. Free-form objects (custom
 * `properties`) keep their keys as they are.
 */
type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

export type RefResolver = (node: unknown) => unknown;

export function camelCaseProperty(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word[0]!.toLowerCase() : word[0]!.toUpperCase()) + word.slice(1)).join('');
}

function resolved(schema: unknown, resolve: RefResolver): Schema | undefined {
  return (resolve(schema) as Schema | undefined) ?? undefined;
}

/** The object schema's declared properties, allOf parts merged; for oneOf/anyOf the variant that declares the most of `value`'s keys. */
function declaredProperties(schema: Schema | undefined, value: unknown, resolve: RefResolver): Record<string, Schema> {
  if (!schema) return {};
  const own: Record<string, Schema> = { ...(schema.properties ?? {}) };
  for (const part of schema.allOf ?? [])
    Object.assign(own, declaredProperties(resolved(part, resolve), value, resolve));
  const variants = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].map((variant) =>
    declaredProperties(resolved(variant, resolve), value, resolve),
  );
  if (variants.length > 0 && value && typeof value === 'object') {
    const keys = Object.keys(value);
    const best = variants.reduce((a, b) =>
      keys.filter((k) => k in b).length > keys.filter((k) => k in a).length ? b : a,
    );
    Object.assign(own, best);
  }
  return own;
}

function isDateTime(schema: Schema | undefined, resolve: RefResolver): boolean {
  if (!schema) return false;
  if (schema.format === 'date-time') return true;
  return [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].some((part) =>
    isDateTime(resolved(part, resolve), resolve),
  );
}

function itemsOf(schema: Schema | undefined, resolve: RefResolver): Schema | undefined {
  if (!schema) return undefined;
  if (schema.items) return resolved(schema.items, resolve);
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    const items = itemsOf(resolved(part, resolve), resolve);
    if (items) return items;
  }
  return undefined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function nodeLiteral(value: unknown, schema: unknown, resolve: RefResolver, indent = ''): string {
  const inner = `${indent}  `;
  const current = resolved(schema, resolve);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return isDateTime(current, resolve) ? `new Date(${JSON.stringify(value)})` : JSON.stringify(value);
  }
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = itemsOf(current, resolve);
    return `[\n${value.map((item) => `${inner}${nodeLiteral(item, items, resolve, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const declared = declaredProperties(current, value, resolve);
  const lines = entries.map(([key, item]) => {
    const property = declared[key];
    const name = property ? camelCaseProperty(key) : key;
    const written = IDENTIFIER.test(name) ? name : JSON.stringify(name);
    return `${inner}${written}: ${nodeLiteral(item, property, resolve, inner)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

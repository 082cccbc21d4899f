import { findMethod, parseSignature, type SdkManifest } from '../../src/plugins/api-reference/samples/sdk-manifest';

/** One SDK call found in a Python, PHP or Ruby sample. */
export interface SdkCallSite {
  namespace: string;
  method: string;
  positional: number;
  keywords: string[];
  /** Ruby: keys of a trailing `{ key: ... }` hash, which is the options hash only after every required argument. */
  trailingHashKeys?: string[];
}

/** The text between the parenthesis at `open` and its match, skipping strings. */
function enclosed(code: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < code.length; i++) {
    const char = code[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char) && --depth === 0) return code.slice(open + 1, i);
  }
  return code.slice(open + 1);
}

function splitArguments(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < list.length; i++) {
    const char = list[i]!;
    current += char;
    if (quote) {
      if (char === '\\') current += list[++i] ?? '';
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current.slice(0, -1));
      current = '';
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function callSites(code: string, pattern: RegExp, keyword: RegExp): (SdkCallSite & { args: string[] })[] {
  return [...code.matchAll(pattern)].map((match) => {
    const open = match.index! + match[0].length - 1;
    const args = code[open] === '(' ? splitArguments(enclosed(code, open)) : [];
    const keywords = args.map((arg) => keyword.exec(arg)?.[1]).filter((name): name is string => Boolean(name));
    return { namespace: match[1]!, method: match[2]!, positional: args.length - keywords.length, keywords, args };
  });
}

export function pythonCalls(code: string): SdkCallSite[] {
  return callSites(code, /\b\w+\.([A-Z]\w*)\.([a-z_]\w*)\(/g, /^([A-Za-z_]\w*)\s*=(?!=)/);
}

export function phpCalls(code: string): SdkCallSite[] {
  return callSites(code, /\$\w+->([A-Z]\w*)->(\w+)\(/g, /^([A-Za-z_]\w*)\s*:(?!:)/);
}

/** Ruby: positional arguments, then keyword options written bare (`page_size: 100`) or as one `{ key: ... }` hash. */
export function rubyCalls(code: string): SdkCallSite[] {
  return callSites(code, /\bKlaviyoAPI::([A-Z]\w*)\.(\w+)(?:\(|\b)/g, /^([a-z_]\w*):\s/).map((site) => {
    const last = site.args.at(-1) ?? '';
    if (!/^\{\s*[a-z_]\w*:\s[\s\S]*\}$/.test(last)) return site;
    const keys = splitArguments(last.slice(1, -1))
      .map((entry) => /^([a-z_]\w*):\s/.exec(entry)?.[1])
      .filter((key): key is string => Boolean(key));
    return { ...site, trailingHashKeys: keys };
  });
}

/** What is wrong with one call against the manifest: an empty list when it matches. */
export function checkCall(manifest: SdkManifest, site: SdkCallSite): string[] {
  const method = findMethod(manifest, site.namespace, site.method);
  const name = `${site.namespace}.${site.method}`;
  if (!method) return [`${name} does not exist in ${manifest.package} ${manifest.version}`];
  if (site.trailingHashKeys && site.positional > method.required.length)
    site = { ...site, positional: site.positional - 1, keywords: [...site.keywords, ...site.trailingHashKeys] };
  const problems: string[] = [];
  const accepted = new Set([...method.optional, ...manifest.commonParameters]);
  // Keyword arguments may also name required parameters (Python and PHP).
  if (manifest.language !== 'ruby') method.required.forEach((param) => accepted.add(param));
  for (const keyword of site.keywords) {
    if (!accepted.has(keyword)) problems.push(`${name} has no parameter ${keyword}`);
  }
  const requiredByKeyword = method.required.filter((param) => site.keywords.includes(param)).length;
  if (site.positional + requiredByKeyword < method.required.length)
    problems.push(`${name} needs ${method.required.length} argument(s): ${method.required.join(', ')}`);
  const maxPositional =
    manifest.language === 'ruby' ? method.required.length + 1 : method.required.length + method.optional.length;
  if (site.positional > maxPositional) problems.push(`${name} takes at most ${maxPositional} positional argument(s)`);
  return problems;
}

/** Keyword arguments of the client constructor (Python, PHP) or attributes set in the configure block (Ruby). */
export function clientOptions(language: SdkManifest['language'], code: string): string[] {
  if (language === 'ruby') {
    const block = /KlaviyoAPI\.configure do \|(\w+)\|([\s\S]*?)\n\s*end\b/.exec(code);
    if (!block) return [];
    return [...block[2]!.matchAll(new RegExp(`\\b${block[1]}\\.(\\w+)`, 'g'))].map((m) => m[1]!);
  }
  const constructor = language === 'php' ? /new KlaviyoAPI\(/g : /\bKlaviyoAPI\(/g;
  const keyword = language === 'php' ? /^([A-Za-z_]\w*)\s*:(?!:)/ : /^([A-Za-z_]\w*)\s*=(?!=)/;
  return [...code.matchAll(constructor)].flatMap((match) =>
    splitArguments(enclosed(code, match.index! + match[0].length - 1))
      .map((arg) => keyword.exec(arg)?.[1])
      .filter((name): name is string => Boolean(name)),
  );
}

export function checkClientOptions(manifest: SdkManifest, options: string[]): string[] {
  const { required, optional } = parseSignature(manifest.client.parameters);
  const known = new Set([...required, ...optional]);
  return options.flatMap((option) => {
    if (!known.has(option)) return [`${manifest.client.entry} has no option ${option}`];
    if (manifest.client.deprecatedParameters.includes(option))
      return [`${manifest.client.entry}'s ${option} is deprecated`];
    return [];
  });
}

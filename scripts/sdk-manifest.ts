/**
 * Reads the public API of a Klaviyo SDK from its own source and writes its manifest to
 * src/plugins/api-reference/samples/sdk-manifests/<language>.json.
 *
 *   npx tsx scripts/sdk-manifest.ts python <checkout or git dir of klaviyo/klaviyo-api-python>
 *   npx tsx scripts/sdk-manifest.ts php    <checkout or git dir of klaviyo/klaviyo-api-php>
 *   npx tsx scripts/sdk-manifest.ts ruby   <checkout or git dir of klaviyo/klaviyo-api-ruby>
 *   npx tsx scripts/sdk-manifest.ts node   [node_modules/klaviyo-api]
 *
 * A git dir (bare or `.git`) is read at HEAD; a folder is read as it is on disk.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { SdkLanguage, SdkManifest } from '../src/plugins/api-reference/samples/sdk-manifest';
import { isMain } from './lib/main';

const OUT_DIR = path.resolve(__dirname, '../src/plugins/api-reference/samples/sdk-manifests');

interface SourceTree {
  read(file: string): string;
  list(dir: string): string[];
  /** `owner/name@commit` or `package@version`. */
  describe(): string;
}

function gitTree(gitDir: string, repository: string): SourceTree {
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return {
    read: (file) => git('show', `HEAD:${file}`),
    list: (dir) =>
      git('ls-tree', '--name-only', `HEAD:${dir}`)
        .split('\n')
        .filter(Boolean)
        .map((name) => `${dir}/${name}`),
    describe: () => `${repository}@${git('rev-parse', 'HEAD').trim()}`,
  };
}

function folderTree(root: string, describe: () => string): SourceTree {
  return {
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    list: (dir) =>
      readdirSync(path.join(root, dir))
        .sort()
        .map((name) => `${dir}/${name}`),
    describe,
  };
}

function openSource(location: string, repository: string): SourceTree {
  const gitDir = existsSync(path.join(location, '.git')) ? path.join(location, '.git') : location;
  if (existsSync(path.join(gitDir, 'HEAD')) && existsSync(path.join(gitDir, 'objects')))
    return gitTree(gitDir, repository);
  if (!statSync(location).isDirectory()) throw new Error(`${location} is neither a git dir nor a folder`);
  return folderTree(location, () => repository);
}

function match(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const found = pattern.exec(text);
  if (!found) throw new Error(`could not find ${what}`);
  return found;
}

/** Splits on `separator` outside brackets, braces, parentheses, angle brackets and quotes. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      current += char;
      if (char === '\\') current += text[++i] ?? '';
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{<'.includes(char)) depth++;
    else if (')]}>'.includes(char) && !(char === '>' && text[i - 1] === '=')) depth--;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** True when a parameter declaration has a default value (`x = 1`, `x: T = None`), outside brackets and strings. */
function hasDefault(declaration: string): boolean {
  return splitTopLevel(declaration, '=').length > 1;
}

function signature(required: string[], optional: string[]): string {
  return [...required, ...optional.map((name) => `${name}?`)].join(', ');
}

function sortedObject<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

// ---------------------------------------------------------------- Python

function pythonManifest(tree: SourceTree): SdkManifest {
  const wrapper = tree.read('src/klaviyo_api/wrapper.py');
  const version = match(tree.read('pyproject.toml'), /^version\s*=\s*"([^"]+)"/m, 'the Python package version')[1]!;
  const revision = match(wrapper, /_REVISION\s*=\s*"([^"]+)"/, 'the revision')[1]!;

  const classBody = match(wrapper, /class KlaviyoAPI:\n([\s\S]*?)\n\s*_REVISION/, 'the KlaviyoAPI fields')[1]!;
  const fields = [...classBody.matchAll(/^ {4}(\w+):\s*([^\n]*)$/gm)].map(([, name, rest]) => ({
    name: name!,
    optional: hasDefault(rest!),
  }));
  const codeValues = new Map(
    [...wrapper.matchAll(/(_STATUS_CODE_\w+)\s*=\s*(\d+)/g)].map(([, name, value]) => [name!, Number(value)]),
  );
  const retrySet = match(wrapper, /_RETRY_CODES\s*=\s*\{([^}]*)\}/, 'the retry codes')[1]!;
  const retryStatusCodes = retrySet
    .split(',')
    .map((name) => codeValues.get(name.trim()))
    .filter((code): code is number => code !== undefined);

  const namespaces: [string, Record<string, string>][] = [];
  let commonParameters: string[] | undefined;
  for (const block of wrapper.split(/\n\s*@property\n/).slice(1)) {
    const namespace = match(block, /def (\w+)\(self\)/, 'a namespace property')[1]!;
    const moduleName = match(block, /from openapi_client\.api import (\w+)/, `the module of ${namespace}`)[1]!;
    const exposed = [...block.matchAll(new RegExp(`^\\s*${namespace}\\.(\\w+)\\s*=`, 'gm'))].map((m) => m[1]!);
    const source = tree.read(`src/openapi_client/api/${moduleName}.py`);
    const defs = new Map<string, { required: string[]; optional: string[] }>();
    for (const def of source.matchAll(/^ {4}def (\w+)\(\s*\n([\s\S]*?)^ {0,4}\)\s*->/gm)) {
      const declarations = def[2]!.split(/\n(?= {8}\w+\s*:)/).filter((line) => /^\s{8}\w+\s*:/.test(line));
      const params = declarations.map((line) => ({
        name: line.trim().split(/\s*:/)[0]!,
        optional: hasDefault(line.slice(line.indexOf(':') + 1)),
      }));
      const own = params.filter((p) => !p.name.startsWith('_') && p.name !== 'options');
      const common = params.filter((p) => p.name.startsWith('_') || p.name === 'options').map((p) => p.name);
      if (exposed.includes(def[1]!)) {
        if (commonParameters && commonParameters.join() !== common.join())
          throw new Error(`${namespace}.${def[1]} takes other common parameters: ${common.join(', ')}`);
        commonParameters = common;
      }
      defs.set(def[1]!, {
        required: own.filter((p) => !p.optional).map((p) => p.name),
        optional: own.filter((p) => p.optional).map((p) => p.name),
      });
    }
    const aliases = new Map(
      [...source.matchAll(/^ {4}(\w+)\s*=\s*(\w+)\s*$/gm)].map(([, alias, target]) => [alias!, target!]),
    );
    const methods = exposed.map((name): [string, string] => {
      const own = defs.get(name);
      if (own) return [name, signature(own.required, own.optional)];
      const target = aliases.get(name);
      if (!target || !defs.has(target)) throw new Error(`${namespace}.${name} is neither a method nor an alias`);
      return [name, `=${target}`];
    });
    namespaces.push([namespace, sortedObject(methods)]);
  }

  return {
    language: 'python',
    package: 'klaviyo-api',
    install: 'pip install klaviyo-api',
    repository: 'https://github.com/klaviyo/klaviyo-api-python',
    version,
    revision,
    source: tree.describe(),
    client: {
      entry: 'KlaviyoAPI',
      parameters: signature(
        fields.filter((f) => !f.optional).map((f) => f.name),
        fields.filter((f) => f.optional).map((f) => f.name),
      ),
      deprecatedParameters: [],
      retryStatusCodes,
      retryNotes: 'max_retries: attempts in all; max_delay: the longest single wait between attempts, in seconds',
      defaultTimeoutSeconds: 0,
      timeoutOption: '_request_timeout (seconds, or a (connect, read) pair) on each call',
      perCallKeyOverride: '_request_auth on each call',
    },
    commonParameters: commonParameters ?? [],
    namespaces: sortedObject(namespaces),
  };
}

// ---------------------------------------------------------------- PHP

const PHP_INTERNAL_METHODS = new Set(['__construct', 'setHostIndex', 'getHostIndex', 'getConfig']);
const PHP_COMMON_PARAMETERS = ['apiKey', 'contentType'];

function phpParameters(list: string): { required: string[]; optional: string[] } {
  const params = splitTopLevel(list).map((declaration) => ({
    name: match(declaration, /\$(\w+)/, `a parameter in ${list}`)[1]!,
    optional: hasDefault(declaration),
  }));
  const own = params.filter((p) => !PHP_COMMON_PARAMETERS.includes(p.name));
  return {
    required: own.filter((p) => !p.optional).map((p) => p.name),
    optional: own.filter((p) => p.optional).map((p) => p.name),
  };
}

function phpManifest(tree: SourceTree): SdkManifest {
  const main = tree.read('lib/KlaviyoAPI.php');
  const subclient = tree.read('lib/Subclient.php');
  const version = (JSON.parse(tree.read('composer.json')) as { version: string }).version;
  const constructor = match(main, /public function __construct\(([^)]*)\)/, 'the KlaviyoAPI constructor')[1]!;
  const deprecatedParameters = [...main.matchAll(/The '(\w+)' parameter is deprecated/g)].map((m) => m[1]!);
  const retryStatusCodes = match(subclient, /\$retry_codes\s*=\s*\[([\d,\s]+)\]/, 'the retry codes')[1]!
    .split(',')
    .map(Number);

  let revision = '';
  const namespaces: [string, Record<string, string>][] = [];
  for (const [, className, namespace] of main.matchAll(/@var Subclient<(\w+)> \*\/\s*public \$(\w+);/g)) {
    const source = tree.read(`lib/API/${className}.php`);
    revision ||= match(source, /\$defaultHeaders\['revision'\]\s*=\s*\['([^']+)'\]/, 'the revision')[1]!;
    const methods: [string, string][] = [];
    for (const [, name, list] of source.matchAll(/^ {4}public function (\w+)\(([^)]*)\)/gm)) {
      if (PHP_INTERNAL_METHODS.has(name!) || /(WithHttpInfo|Async|Request)$/.test(name!)) continue;
      if (list!.trim() === '...$args') {
        const body = source.slice(source.indexOf(`function ${name}(...$args)`));
        methods.push([name!, `=${match(body, /return \$this->(\w+)\(\.\.\.\$args\)/, `the target of ${name}`)[1]!}`]);
        continue;
      }
      const { required, optional } = phpParameters(list!);
      methods.push([name!, signature(required, optional)]);
    }
    namespaces.push([namespace!, sortedObject(methods)]);
  }

  const constructorParams = phpParameters(constructor);
  return {
    language: 'php',
    package: 'klaviyo/api',
    install: 'composer require klaviyo/api',
    repository: 'https://github.com/klaviyo/klaviyo-api-php',
    version,
    revision,
    source: tree.describe(),
    client: {
      entry: 'new KlaviyoAPI',
      parameters: signature(constructorParams.required, constructorParams.optional),
      deprecatedParameters,
      retryStatusCodes,
      retryNotes: 'num_retries: attempts in all; waits grow exponentially, at most 60 seconds each',
      defaultTimeoutSeconds: 0,
      timeoutOption: "guzzle_options: ['timeout' => seconds] on the client",
      perCallKeyOverride: 'apiKey: on each call',
    },
    commonParameters: PHP_COMMON_PARAMETERS,
    namespaces: sortedObject(namespaces),
  };
}

// ---------------------------------------------------------------- Ruby

function rubyManifest(tree: SourceTree): SdkManifest {
  const entry = tree.read('lib/klaviyo-api-sdk.rb');
  const configuration = tree.read('lib/klaviyo-api-sdk/configuration.rb');
  const gemspec = tree.read('klaviyo-api-sdk.gemspec');
  const version = match(gemspec, /\.version\s*=\s*["']([^"']+)["']/, 'the gem version')[1]!;
  const retryStatusCodes = match(entry, /\[([\d,\s]+)\]\.include\?\s*exception\.code/, 'the retry codes')[1]!
    .split(',')
    .map(Number);
  const attributes = [...`${configuration}\n${entry}`.matchAll(/attr_(?:accessor|writer) ([^\n]+)/g)]
    .flatMap(([, list]) => list!.split(',').map((name) => name.replace(/[:}\s]/g, '')))
    .filter((name) => /^\w+$/.test(name));
  const defaultTimeout = Number(match(configuration, /@timeout\s*=\s*(\d+)/, 'the default timeout')[1]);

  let revision = '';
  const namespaces: [string, Record<string, string>][] = [];
  for (const file of tree.list('lib/klaviyo-api-sdk/api').filter((f) => f.endsWith('_api.rb'))) {
    const source = tree.read(file);
    const namespace = match(source, /class (\w+)Api\b/, `the class of ${file}`)[1]!;
    revision ||= match(source, /header_params\['revision'\]\s*=.*"(\d{4}-\d{2}-\d{2})"/, 'the revision')[1]!;
    const methods: [string, string][] = [];
    const chunks = source.split(/^ {4}def /m);
    for (let i = 1; i < chunks.length; i++) {
      const [, name, list] = /^(\w+)\(([^)]*)\)/.exec(chunks[i]!) ?? [];
      if (!name || name === 'initialize' || name.endsWith('_with_http_info')) continue;
      const positional = splitTopLevel(list!).filter((p) => !/^opts\s*=/.test(p));
      const docs = chunks[i - 1]!.split(/^ {4}end$/m).pop()!;
      const options = [...docs.matchAll(/@option opts \[[^\]]*\] :(\w+)/g)].map((m) => m[1]!);
      methods.push([name, signature(positional, options)]);
    }
    for (const [, alias, target] of source.matchAll(/^ {4}alias (\w+) (\w+)$/gm)) {
      if (!alias!.endsWith('_with_http_info')) methods.push([alias!, `=${target}`]);
    }
    namespaces.push([namespace, sortedObject(methods)]);
  }

  return {
    language: 'ruby',
    package: 'klaviyo-api-sdk',
    install: 'gem install klaviyo-api-sdk',
    repository: 'https://github.com/klaviyo/klaviyo-api-ruby',
    version,
    revision,
    source: tree.describe(),
    client: {
      entry: 'KlaviyoAPI.configure',
      parameters: signature(
        ['api_key'],
        [...new Set(attributes)].filter((name) => name !== 'api_key'),
      ),
      deprecatedParameters: [],
      retryStatusCodes,
      retryNotes:
        'max_retries: attempts in all; max_delay: the most seconds spent retrying one request, all waits together',
      defaultTimeoutSeconds: defaultTimeout,
      timeoutOption: 'config.timeout (seconds) in the configure block',
      perCallKeyOverride: 'none: the key is set once, in the configure block',
    },
    commonParameters: [],
    namespaces: sortedObject(namespaces),
  };
}

// ---------------------------------------------------------------- Node

function nodeManifest(tree: SourceTree): SdkManifest {
  const pkg = JSON.parse(tree.read('package.json')) as { version: string };
  const apis = tree.read('api/apis.ts');
  const revision = match(apis, /const revision\s*=\s*"([^"]+)"/, 'the revision')[1]!;
  const retryStatusCodes = match(apis, /retryCodes\s*=\s*\[([\d,\s]+)\]/, 'the retry codes')[1]!
    .split(',')
    .map(Number);
  const retryOptions = match(apis, /constructor \(config: \{([^}]*)\}/, 'the retry options')[1]!;

  const namespaces: [string, Record<string, string>][] = [];
  for (const file of tree.list('api').filter((f) => /Api\.ts$/.test(f) && !f.endsWith('/apis.ts'))) {
    const source = tree.read(file);
    const namespace = match(source, /export class (\w+Api)\b/, `the class of ${file}`)[1]!;
    const methods: [string, string][] = [];
    for (const [, name, list] of source.matchAll(/^ {4}public async (\w+) \((.*)\): Promise</gm)) {
      const required: string[] = [];
      const optional: string[] = [];
      for (const param of splitTopLevel(list!)) {
        const [, paramName, type] = match(param, /^(\w+)\??\s*:\s*([\s\S]*)$/, `a parameter of ${name}`);
        if (paramName === 'options') {
          const body = match(type!.replace(/\s*=\s*\{\s*\}\s*$/, ''), /^\{([\s\S]*)\}$/, `the options of ${name}`)[1]!;
          optional.push(...splitTopLevel(body).map((option) => option.split(/\??\s*:/)[0]!.trim()));
        } else required.push(paramName!);
      }
      methods.push([name!, signature(required, optional)]);
    }
    const prefix = `${namespace}.prototype.`;
    for (const [, alias, target] of source.matchAll(/^\w+\.prototype\.(\w+)\s*=\s*\w+\.prototype\.(\w+)/gm)) {
      if (source.includes(`${prefix}${alias}`)) methods.push([alias!, `=${target}`]);
    }
    namespaces.push([namespace, sortedObject(methods)]);
  }

  return {
    language: 'node',
    package: 'klaviyo-api',
    install: 'npm install klaviyo-api',
    repository: 'https://github.com/klaviyo/klaviyo-api-node',
    version: pkg.version,
    revision,
    source: `klaviyo-api@${pkg.version} (npm)`,
    client: {
      entry: 'new ApiKeySession',
      parameters: 'apiKey, retryWithExponentialBackoff?',
      deprecatedParameters: [],
      retryStatusCodes,
      retryNotes: `new RetryWithExponentialBackoff({ ${splitTopLevel(retryOptions)
        .map((option) => option.split(/\??\s*:/)[0]!.trim())
        .join(', ')} }): numRetries is attempts in all; maxInterval the longest single wait, in seconds`,
      defaultTimeoutSeconds: 0,
      timeoutOption: 'none: requests go through axios without a timeout',
      perCallKeyOverride: 'none: create another ApiKeySession and API object for the other key',
    },
    commonParameters: [],
    namespaces: sortedObject(namespaces),
  };
}

const READERS: Record<SdkLanguage, { repository: string; read: (tree: SourceTree) => SdkManifest }> = {
  python: { repository: 'klaviyo/klaviyo-api-python', read: pythonManifest },
  php: { repository: 'klaviyo/klaviyo-api-php', read: phpManifest },
  ruby: { repository: 'klaviyo/klaviyo-api-ruby', read: rubyManifest },
  node: { repository: 'klaviyo-api (npm)', read: nodeManifest },
};

async function main(): Promise<void> {
  const [language, location = language === 'node' ? 'node_modules/klaviyo-api' : undefined] = process.argv.slice(2);
  const reader = READERS[language as SdkLanguage];
  if (!reader || !location) {
    console.error('usage: tsx scripts/sdk-manifest.ts <python|php|ruby|node> <checkout or git dir>');
    process.exit(2);
  }
  const manifest = reader.read(openSource(path.resolve(location), reader.repository));
  const file = path.join(OUT_DIR, `${language}.json`);
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(JSON.stringify(manifest), { ...options, filepath: file }));
  const methods = Object.values(manifest.namespaces).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
  console.log(
    `${path.relative(process.cwd(), file)}: ${manifest.package} ${manifest.version} (revision ${manifest.revision}), ` +
      `${Object.keys(manifest.namespaces).length} namespaces, ${methods} methods and aliases`,
  );
}

if (isMain(__filename)) void main();

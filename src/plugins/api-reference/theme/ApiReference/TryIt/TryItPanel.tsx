import React, { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import clsx from 'clsx';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import CodeBlock from '@theme/CodeBlock';
import type { OperationPageData } from '../../../types';
import {
  CUSTOM_SERVER,
  REVISION_HEADER,
  baseUrlOf,
  buildRequest,
  filledSamples,
  formParameters,
  hasRequestBody,
  initialState,
  paramKey,
  readShareFragment,
  shareFragment,
  typedValue,
  type FormParameter,
  type FormState,
  type Keys,
  type TryItConfig,
  type TryItServer,
} from './model';
import { OperationValidator, type FieldError } from './validate';
import { lineOf, locateJsonValues, offsetFor } from './json-locate';
import { rememberKeys, rememberedKeys } from './keys';
import ResponseBody from './ResponseBody';
import styles from './styles.module.css';

type Result =
  | { kind: 'pending' }
  | {
      kind: 'response';
      status: number;
      statusText: string;
      milliseconds: number;
      headers: [string, string][];
      text: string;
      documented?: string;
      errors: FieldError[];
      json: boolean;
    }
  | { kind: 'blocked'; baseUrl: string; message: string };

interface LocatedError extends FieldError {
  line: number;
  offset: number;
}

function parseBody(text: string): { value?: unknown; syntax?: LocatedError } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return {
      syntax: {
        pointer: '',
        message: `is not valid JSON: ${message.replace(/^JSON\.parse: /, '')}`,
        line: lineOf(text, position),
        offset: position,
      },
    };
  }
}

/** A parameter description's first paragraph as plain text (code spans and links unwrapped, nothing else removed). */
function hintOf(description: string): string {
  return (description.split(/\n\s*\n/)[0] ?? '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function describeServer(server: TryItServer): string {
  return server.description ? `${server.description} (${server.url})` : server.url;
}

export default function TryItPanel({ data }: { data: OperationPageData }): React.JSX.Element {
  const { operation, spec, revision } = data;
  const { siteConfig } = useDocusaurusContext();
  const config = (siteConfig.customFields?.tryIt ?? {}) as TryItConfig;
  const servers = useMemo<TryItServer[]>(() => {
    const all = [...(spec.servers ?? []), ...(config.servers ?? [])];
    return all.filter((server, index) => all.findIndex((other) => other.url === server.url) === index);
  }, [spec, config.servers]);
  const parameters = useMemo(() => formParameters(spec, operation), [spec, operation]);
  const validator = useMemo(() => new OperationValidator(spec, operation), [spec, operation]);
  const withBody = hasRequestBody(spec, operation);
  const initial = useMemo(() => initialState(spec, operation, revision, servers), [spec, operation, revision, servers]);

  const [state, setState] = useState<FormState>(() => readShareFragment(window.location.hash, initial));
  const [keys, setKeysState] = useState<Keys>(rememberedKeys);
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [shareLink, setShareLink] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const setKeys = (next: Keys) => {
    rememberKeys(next);
    setKeysState(next);
  };
  const setParam = (key: string, value: string) => setState((s) => ({ ...s, params: { ...s.params, [key]: value } }));

  // Body: JSON syntax, then the request schema, as the reader types.
  const body = useMemo(() => (withBody ? parseBody(state.body) : {}), [withBody, state.body]);
  const bodyErrors = useMemo<LocatedError[]>(() => {
    if (!withBody) return [];
    if (body.syntax) return [body.syntax];
    const offsets = locateJsonValues(state.body);
    return validator.validateRequestBody(body.value).map((error) => {
      const offset = offsetFor(offsets, error.pointer);
      return { ...error, offset, line: lineOf(state.body, offset) };
    });
  }, [withBody, body, state.body, validator]);

  const paramErrors = useMemo(() => {
    const errors: Record<string, string> = {};
    for (const parameter of parameters) {
      const text = state.params[paramKey(parameter)] ?? '';
      if (text.trim() === '') {
        if (parameter.required && attempted) errors[paramKey(parameter)] = 'is required';
        continue;
      }
      const message = validator.validateParameter(parameter, typedValue(parameter, text));
      if (message) errors[paramKey(parameter)] = message;
    }
    return errors;
  }, [parameters, state.params, attempted, validator]);

  const baseUrl = baseUrlOf(state);
  const serverError = (() => {
    if (state.server !== CUSTOM_SERVER) return '';
    if (!baseUrl) return attempted ? 'is required, such as http://127.0.0.1:4010' : '';
    try {
      const url = new URL(baseUrl);
      return /^https?:$/.test(url.protocol) ? '' : 'must start with http:// or https://';
    } catch {
      return 'is not a URL';
    }
  })();
  const keyValue = operation.auth === 'public' ? keys.publicKey : keys.privateKey;
  // The key input is uncontrolled: React would mirror a controlled value into the `value` attribute, and
  // so into the page's markup. Its property is set once, from the tab's memory, when the panel mounts.
  useEffect(() => {
    if (keyRef.current) keyRef.current.value = keyValue;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only; typing updates the state, not the reverse
  }, []);
  const keyError = operation.auth !== 'none' && attempted && !keyValue.trim() ? 'is required' : '';

  const errorCount = bodyErrors.length + Object.keys(paramErrors).length + (serverError ? 1 : 0) + (keyError ? 1 : 0);

  const samples = useMemo(
    () => filledSamples(spec, operation, parameters, state, keys, withBody ? (body.value ?? undefined) : undefined),
    [spec, operation, parameters, state, keys, withBody, body.value],
  );

  const jumpTo = (error: LocatedError) => {
    const textarea = bodyRef.current;
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(error.offset, error.offset);
  };

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    // Required fields are checked here, with the state as it is now (the `attempted` render comes later).
    const missing = parameters.filter((p) => p.required && !(state.params[paramKey(p)] ?? '').trim());
    const noKey = operation.auth !== 'none' && !keyValue.trim();
    const noServer = state.server === CUSTOM_SERVER && !baseUrl;
    const total = errorCount + missing.length + (noKey && !keyError ? 1 : 0) + (noServer && !serverError ? 1 : 0);
    if (total > 0) {
      setResult(null);
      setStatus(`Not sent: fix the ${total === 1 ? 'error' : `${total} errors`} marked in the form first.`);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const request = buildRequest(operation, parameters, state, keys, withBody);
    setResult({ kind: 'pending' });
    setStatus(`Sending ${request.method} to ${baseUrl}…`);
    const started = performance.now();
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        mode: 'cors',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(30_000) : undefined,
      });
      const text = await response.text();
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      const milliseconds = Math.round(performance.now() - started);
      let json = false;
      let errors: FieldError[] = [];
      if (text.trim()) {
        try {
          const value = JSON.parse(text) as unknown;
          json = true;
          errors = validator.validateResponseBody(response.status, value);
        } catch {
          json = false;
        }
      }
      setResult({
        kind: 'response',
        status: response.status,
        statusText: response.statusText,
        milliseconds,
        headers,
        text,
        documented: validator.responseFor(response.status)?.key,
        errors,
        json,
      });
      setStatus(`Response ${response.status} in ${milliseconds} ms.`);
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      setResult({
        kind: 'blocked',
        baseUrl,
        message: timedOut ? 'timed out after 30 seconds' : (error as Error).message,
      });
      setStatus(`No response could be read from ${baseUrl}.`);
    }
  };

  const reset = () => {
    setState(initial);
    setAttempted(false);
    setResult(null);
    setShareLink('');
    setStatus('Form reset to the operation’s defaults.');
  };

  const share = useCallback(async () => {
    const link = `${window.location.origin}${window.location.pathname}${shareFragment(state)}`;
    setShareLink(link);
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied. It restores every field except the key.');
    } catch {
      setStatus('Copy the link below. It restores every field except the key.');
    }
  }, [state]);

  const groups: { title: string; in: FormParameter['in'] }[] = [
    { title: 'Path parameters', in: 'path' },
    { title: 'Query parameters', in: 'query' },
    { title: 'Headers', in: 'header' },
  ];
  const isProductionServer =
    servers.some((s) => s.url === state.server) && spec.servers?.some((s) => s.url === state.server);

  return (
    <form
      ref={formRef}
      className={styles.panel}
      onSubmit={send}
      noValidate
      autoComplete="off"
      data-testid="try-it-form"
    >
      <div className={styles.notice} role="note">
        <strong>Use a test account.</strong>{' '}
        {operation.auth === 'private' ? (
          <>
            Private keys belong on servers: this panel is for test accounts and mock servers. The key stays in this
            tab’s memory only (never stored, never in a link) and is gone when the tab closes.
          </>
        ) : (
          <>
            Client operations take your public key (<code>company_id</code>), which is safe in browsers. Private keys
            belong on servers; this panel is for test accounts and mock servers.
          </>
        )}
      </div>

      <fieldset className={styles.group}>
        <legend>Server</legend>
        <div className={styles.field}>
          <label htmlFor={`${id}-server`}>Send to</label>
          <select
            id={`${id}-server`}
            value={state.server}
            onChange={(event) => setState((s) => ({ ...s, server: event.target.value }))}
          >
            {servers.map((server) => (
              <option key={server.url} value={server.url}>
                {describeServer(server)}
              </option>
            ))}
            <option value={CUSTOM_SERVER}>Custom base URL…</option>
          </select>
        </div>
        {state.server === CUSTOM_SERVER && (
          <Field
            id={`${id}-custom`}
            label="Custom base URL"
            required
            error={serverError && `Custom base URL: ${serverError}`}
          >
            <input
              id={`${id}-custom`}
              type="url"
              inputMode="url"
              placeholder="http://127.0.0.1:4010"
              value={state.customServer}
              aria-invalid={serverError ? true : undefined}
              aria-describedby={serverError ? `${id}-custom-error` : undefined}
              onChange={(event) => setState((s) => ({ ...s, customServer: event.target.value }))}
            />
          </Field>
        )}
        {isProductionServer && operation.auth === 'private' && (
          <p className={styles.hint}>
            The API may refuse server operations called from a browser (CORS). If it does, the panel gives you the same
            request as a curl command and an SDK call.
          </p>
        )}
      </fieldset>

      {operation.auth !== 'none' && (
        <fieldset className={styles.group}>
          <legend>Authentication</legend>
          <Field
            id={`${id}-key`}
            label={operation.auth === 'public' ? 'Public key (company_id)' : 'Private key'}
            required
            error={keyError && `The key ${keyError}`}
            hint={
              operation.auth === 'public'
                ? 'Your six-character public API key (site ID), sent as the company_id query parameter.'
                : 'Sent as Authorization: Klaviyo-API-Key …. Any value works with the mock server.'
            }
          >
            <div className={styles.keyRow}>
              <input
                id={`${id}-key`}
                type="password"
                autoComplete="off"
                spellCheck={false}
                data-1p-ignore
                data-lpignore="true"
                ref={keyRef}
                aria-invalid={keyError ? true : undefined}
                aria-describedby={`${id}-key-hint${keyError ? ` ${id}-key-error` : ''}`}
                onChange={(event) =>
                  setKeys(
                    operation.auth === 'public'
                      ? { ...keys, publicKey: event.target.value }
                      : { ...keys, privateKey: event.target.value },
                  )
                }
              />
              <button
                type="button"
                className="button button--sm button--secondary"
                onClick={() => {
                  setKeys({ privateKey: '', publicKey: '' });
                  if (keyRef.current) keyRef.current.value = '';
                  setStatus('Key forgotten.');
                }}
              >
                Forget key
              </button>
            </div>
          </Field>
        </fieldset>
      )}

      {groups.map((group) => {
        const members = parameters.filter((parameter) => parameter.in === group.in);
        if (members.length === 0) return null;
        return (
          <fieldset key={group.in} className={styles.group}>
            <legend>{group.title}</legend>
            {members.map((parameter) => (
              <ParameterField
                key={paramKey(parameter)}
                id={`${id}-${group.in}-${parameter.name.replace(/[^A-Za-z0-9_-]/g, '_')}`}
                parameter={parameter}
                value={state.params[paramKey(parameter)] ?? ''}
                error={paramErrors[paramKey(parameter)] ?? ''}
                revision={revision}
                onChange={(value) => setParam(paramKey(parameter), value)}
              />
            ))}
          </fieldset>
        );
      })}

      {withBody && (
        <fieldset className={styles.group}>
          <legend>Body</legend>
          <div className={styles.field}>
            <label htmlFor={`${id}-body`}>
              JSON body <span className={styles.required}>(required)</span>
            </label>
            <p id={`${id}-body-hint`} className={styles.hint}>
              Prefilled with the operation’s example and checked against its request schema as you type.
            </p>
            <textarea
              id={`${id}-body`}
              ref={bodyRef}
              className={styles.bodyEditor}
              value={state.body}
              rows={Math.min(24, Math.max(6, state.body.split('\n').length + 1))}
              spellCheck={false}
              aria-invalid={bodyErrors.length > 0 ? true : undefined}
              aria-describedby={`${id}-body-hint${bodyErrors.length > 0 ? ` ${id}-body-errors` : ''}`}
              onChange={(event) => setState((s) => ({ ...s, body: event.target.value }))}
            />
            {bodyErrors.length > 0 && (
              <ul id={`${id}-body-errors`} className={styles.errors} data-testid="try-it-body-errors">
                {bodyErrors.map((error) => (
                  <li key={`${error.pointer} ${error.message}`}>
                    <button type="button" className={styles.errorLink} onClick={() => jumpTo(error)}>
                      Line {error.line}
                    </button>{' '}
                    <code>{error.pointer ? error.pointer.slice(1).replace(/\//g, '.') : 'body'}</code> {error.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </fieldset>
      )}

      <div className={styles.actions}>
        <button type="submit" className="button button--primary" data-testid="try-it-send">
          Send request
        </button>
        <button type="button" className="button button--secondary" onClick={share}>
          Copy share link
        </button>
        <button type="button" className="button button--secondary" onClick={reset}>
          Reset
        </button>
      </div>
      {shareLink && (
        <div className={styles.field}>
          <label htmlFor={`${id}-share`}>Share link (no key)</label>
          <input
            id={`${id}-share`}
            data-testid="try-it-share-link"
            readOnly
            value={shareLink}
            onFocus={(event) => event.target.select()}
          />
        </div>
      )}
      <p role="status" aria-live="polite" className={styles.status} data-testid="try-it-status">
        {status}
      </p>

      {result?.kind === 'response' && <ResponseView result={result} />}
      {result?.kind === 'blocked' && (
        <div className={styles.blocked} data-testid="try-it-blocked">
          <p>
            <strong>The browser could not read a response from {result.baseUrl}</strong> ({result.message}). The server
            refused the page’s cross-origin call (CORS), or it is unreachable.{' '}
            {operation.auth === 'private'
              ? 'Klaviyo’s API answers server operations (/api/) to servers, not to browsers: run the same request from a terminal or your back end, or send it to a mock server or a proxy that allows this page.'
              : 'Check the URL, or run the same request from a terminal.'}
          </p>
          <FilledSamples samples={samples} testId="try-it-fallback" />
        </div>
      )}
      {result?.kind !== 'blocked' && (
        <details className={styles.samplesDetails}>
          <summary>This request as curl or an SDK call</summary>
          <FilledSamples samples={samples} testId="try-it-samples" />
        </details>
      )}
    </form>
  );
}

function Field({
  id,
  label,
  required,
  hint,
  error,
  children,
}: {
  id: string;
  label: React.ReactNode;
  required?: boolean;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <div className={clsx(styles.field, error && styles.fieldInvalid)}>
      <label htmlFor={id}>
        {label}
        {required && <span className={styles.required}> (required)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      )}
    </div>
  );
}

function enumOptions(values: readonly unknown[]): React.ReactNode {
  return values.map((option) => (
    <option key={String(option)} value={String(option)}>
      {String(option)}
    </option>
  ));
}

function ParameterField({
  id,
  parameter,
  value,
  error,
  revision,
  onChange,
}: {
  id: string;
  parameter: FormParameter;
  value: string;
  error: string;
  revision: string;
  onChange: (value: string) => void;
}): React.JSX.Element {
  const { schema } = parameter;
  const hintText =
    parameter.in === 'header' && parameter.name === REVISION_HEADER
      ? `API revision of this page: ${revision}.`
      : hintOf(parameter.description);
  const describedBy = [hintText ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': parameter.required || undefined,
  };
  const enumValues = schema.enum ?? (schema.type === 'boolean' ? [true, false] : undefined);
  const itemEnum = schema.type === 'array' ? schema.items?.enum : undefined;

  let control: React.ReactNode;
  if (enumValues) {
    control = (
      <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
        {(!parameter.required || value === '') && (
          <option value="">{parameter.required ? 'Choose…' : '(not set)'}</option>
        )}
        {enumOptions(enumValues)}
      </select>
    );
  } else if (itemEnum) {
    const selected = value.split(',').filter(Boolean);
    control = (
      <select
        {...common}
        multiple
        size={Math.min(5, itemEnum.length)}
        value={selected}
        onChange={(event) =>
          onChange(
            Array.from(event.target.selectedOptions)
              .map((option) => option.value)
              .join(','),
          )
        }
      >
        {enumOptions(itemEnum)}
      </select>
    );
  } else {
    const numeric = schema.type === 'integer' || schema.type === 'number';
    control = (
      <input
        {...common}
        type={numeric ? 'number' : 'text'}
        inputMode={numeric ? 'numeric' : undefined}
        min={schema.minimum}
        max={schema.maximum}
        spellCheck={false}
        placeholder={parameter.example !== undefined ? String(parameter.example) : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <Field
      id={id}
      label={<code>{parameter.name}</code>}
      required={parameter.required}
      hint={`${hintText}${itemEnum ? ' Select one or more.' : ''}`.trim() || undefined}
      error={error ? `${parameter.name} ${error}` : ''}
    >
      {control}
    </Field>
  );
}

function FilledSamples({
  samples,
  testId,
}: {
  samples: ReturnType<typeof filledSamples>;
  testId: string;
}): React.JSX.Element {
  return (
    <div className={styles.filledSamples} data-testid={testId}>
      {samples.map((sample) => (
        <div key={sample.language} data-language={sample.language}>
          <p className={styles.sampleLabel}>{sample.label}</p>
          <CodeBlock language={sample.highlight}>{sample.code}</CodeBlock>
        </div>
      ))}
    </div>
  );
}

function ResponseView({ result }: { result: Extract<Result, { kind: 'response' }> }): React.JSX.Element {
  const ok = result.status >= 200 && result.status < 300;
  return (
    <section className={styles.response} aria-label="Response" data-testid="try-it-response">
      <p className={styles.responseLine}>
        <span
          className={clsx(styles.statusBadge, ok ? styles.statusOk : styles.statusError)}
          data-testid="try-it-status-code"
        >
          {result.status}
          {result.statusText ? ` ${result.statusText}` : ''}
        </span>
        <span data-testid="try-it-time">{result.milliseconds} ms</span>
        {!result.documented && <span>This status is not documented for this operation.</span>}
      </p>
      <details className={styles.headers}>
        <summary>Headers ({result.headers.length})</summary>
        <dl>
          {result.headers.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      {result.text.trim() === '' ? (
        <p className={styles.hint}>Empty body.</p>
      ) : result.json ? (
        <ResponseBody text={result.text} errors={result.errors} documented={result.documented} />
      ) : (
        <CodeBlock language="text">{result.text}</CodeBlock>
      )}
    </section>
  );
}

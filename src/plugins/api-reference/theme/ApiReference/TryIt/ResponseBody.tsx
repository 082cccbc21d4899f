import React, { useMemo } from 'react';
import clsx from 'clsx';
import { Highlight } from 'prism-react-renderer';
import { usePrismTheme } from '@docusaurus/theme-common';
import { lineOf, locateJsonValues, offsetFor } from './json-locate';
import type { FieldError } from './validate';
import styles from './styles.module.css';

/**
 * A JSON response body, pretty-printed and highlighted with the site's Prism theme. Lines holding a
 * value that does not match the response schema are marked, and the mismatches are listed below.
 */
export default function ResponseBody({
  text,
  errors,
  documented,
}: {
  text: string;
  errors: FieldError[];
  documented?: string;
}): React.JSX.Element {
  const theme = usePrismTheme();
  const pretty = useMemo(() => JSON.stringify(JSON.parse(text), null, 2), [text]);
  const located = useMemo(() => {
    const offsets = locateJsonValues(pretty);
    return errors.map((error) => ({ ...error, line: lineOf(pretty, offsetFor(offsets, error.pointer)) }));
  }, [pretty, errors]);
  const messagesByLine = new Map<number, string[]>();
  for (const error of located)
    messagesByLine.set(error.line, [...(messagesByLine.get(error.line) ?? []), error.message]);

  return (
    <>
      <Highlight code={pretty} language="json" theme={theme}>
        {({ className, style, tokens, getLineProps, getTokenProps }) => (
          <pre
            className={clsx(className, styles.responseBody)}
            style={style}
            tabIndex={0}
            aria-label="Response body"
            data-testid="try-it-response-body"
          >
            <code>
              {tokens.map((line, index) => {
                const messages = messagesByLine.get(index + 1);
                return (
                  <span
                    key={index}
                    {...getLineProps({ line })}
                    className={clsx(getLineProps({ line }).className, styles.bodyLine, messages && styles.invalidLine)}
                    data-invalid={messages ? 'true' : undefined}
                    title={messages?.join('; ')}
                  >
                    {line.map((token, key) => (
                      <span key={key} {...getTokenProps({ token })} />
                    ))}
                    {'\n'}
                  </span>
                );
              })}
            </code>
          </pre>
        )}
      </Highlight>
      {documented &&
        (located.length === 0 ? (
          <p className={styles.schemaOk} data-testid="try-it-schema-result">
            The body matches the documented {documented} response schema.
          </p>
        ) : (
          <div className={styles.schemaMismatch} data-testid="try-it-schema-result">
            <p>
              {located.length === 1 ? 'One field does' : `${located.length} fields do`} not match the documented{' '}
              {documented} response schema (marked in the body):
            </p>
            <ul>
              {located.map((error) => (
                <li key={`${error.pointer} ${error.message}`}>
                  Line {error.line}: <code>{error.pointer ? error.pointer.slice(1).replace(/\//g, '.') : 'body'}</code>{' '}
                  {error.message}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </>
  );
}

import React from 'react';

/**
 * A spec's one-line description (a tag's, for instance) with its `code spans` as <code>: the rest is shown as
 * plain text, since these lines are Markdown only for code spans and a stray `*` must not turn into emphasis.
 */
export default function InlineMarkdown({ text }: { text: string }): React.JSX.Element {
  // A split on a capturing group alternates text and code: odd indexes are the code spans.
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}

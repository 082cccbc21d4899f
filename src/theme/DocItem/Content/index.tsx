import React from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import CopyMarkdownButton from '@site/src/components/CopyMarkdownButton';
import { markdownTwinPath } from '@site/src/plugins/api-reference/artifacts/paths';

type Props = WrapperProps<typeof ContentType>;

/** Every doc page gets a "Copy as Markdown" button for its twin (`/docs/x` -> `/docs/x.md`). */
export default function ContentWrapper(props: Props): React.JSX.Element {
  const { metadata } = useDoc();
  return (
    <>
      <CopyMarkdownButton href={markdownTwinPath(metadata.permalink)} />
      <Content {...props} />
    </>
  );
}

import React from 'react';
import Heading from '@theme-original/Heading';
import type HeadingType from '@theme/Heading';
import type { WrapperProps } from '@docusaurus/types';
import CopyLinkButton from './CopyLinkButton';

type Props = WrapperProps<typeof HeadingType>;

/** The stock heading (anchor id, `#` hash link) plus a button that copies the heading's absolute URL. */
export default function HeadingWrapper(props: Props): React.JSX.Element {
  const { as, id, children } = props;
  // The stock heading drops the id of h1s (they are the page itself); no anchor, no button.
  if (as === 'h1' || !id) return <Heading {...props} />;
  const label = typeof children === 'string' ? children : id;
  return (
    <Heading {...props}>
      {children}
      <CopyLinkButton anchor={id} label={label} />
    </Heading>
  );
}

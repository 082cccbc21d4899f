import React from 'react';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

/** The workspace's invite link, kept in the site config (`customFields.slackInviteUrl`) so it changes in one place. */
export default function SlackInviteLink(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const href = String(siteConfig.customFields?.slackInviteUrl ?? '');
  return (
    <Link className="button button--primary" href={href} data-testid="slack-invite">
      Join the Klaviyo Developers Slack
    </Link>
  );
}

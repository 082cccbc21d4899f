import React from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';
import { REFERENCE_BASE } from '@site/src/plugins/api-reference/routes';

const DESTINATIONS = [
  {
    to: '/docs/getting-started',
    title: 'Get started',
    text: 'Create a private key and make your first call in five minutes.',
  },
  {
    to: REFERENCE_BASE,
    title: 'API reference',
    text: 'Every endpoint with parameters, schemas, rate limits and code samples.',
  },
  {
    to: '/docs/guides/understanding-customer-data',
    title: 'Guides',
    text: 'Profiles, events and metrics explained with worked Python examples.',
  },
  { to: '/docs/sdks', title: 'SDKs', text: 'Official Python, Node, PHP and Ruby clients with retries built in.' },
  {
    to: '/docs/community/developer-slack',
    title: 'Developer Slack',
    text: 'Ask questions, share what you build and meet other developers.',
  },
];

export default function Home(): React.JSX.Element {
  return (
    <Layout description="Guides, API reference, SDKs and community for developers building on the Klaviyo API.">
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1">Build with the Klaviyo API</Heading>
          <p className="hero__subtitle">
            Profiles, events, lists, campaigns, flows and catalogs over one JSON:API interface with dated revisions.
          </p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/getting-started">
              Get started
            </Link>
            <Link className="button button--secondary button--lg" to={REFERENCE_BASE}>
              API reference
            </Link>
          </div>
        </div>
      </header>
      <main className="container">
        <div className={styles.cards}>
          {DESTINATIONS.map((destination) => (
            <Link key={destination.to} to={destination.to} className={styles.card}>
              <Heading as="h2">{destination.title}</Heading>
              <p>{destination.text}</p>
            </Link>
          ))}
        </div>
      </main>
    </Layout>
  );
}

import React from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { ApiReferenceGlobalData } from '@site/src/plugins/api-reference/types';

const LANGUAGE_NAMES: Record<string, string> = {
  python: 'Python',
  node: 'Node/JavaScript',
  php: 'PHP',
  ruby: 'Ruby',
};

/** Each SDK's current release and the API revision it sends, read from the SDK manifests at build time. */
export default function SdkReleases(): React.ReactElement {
  const { sdkReleases, latest } = usePluginData('api-reference') as ApiReferenceGlobalData;
  return (
    <table>
      <thead>
        <tr>
          <th>Language</th>
          <th>Install</th>
          <th>Release</th>
          <th>Sends revision</th>
          <th>Repository</th>
        </tr>
      </thead>
      <tbody>
        {sdkReleases.map((release) => (
          <tr key={release.language}>
            <td>{LANGUAGE_NAMES[release.language] ?? release.language}</td>
            <td>
              <code>{release.install}</code>
            </td>
            <td>{release.version}</td>
            <td>
              {release.revision}
              {release.revision === latest ? ' (latest)' : ''}
            </td>
            <td>
              <a href={release.repository}>{release.repository.replace('https://github.com/', '')}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

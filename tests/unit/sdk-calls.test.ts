import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import { buildCodeSamples } from '../../src/plugins/api-reference/samples/code-samples';
import { SDK_MANIFESTS, type SdkLanguage } from '../../src/plugins/api-reference/samples/sdk-manifest';
import { codeBlocks, optOutReason } from './code-blocks';
import { ROOT } from './helpers';
import {
  checkCall,
  checkClientOptions,
  clientOptions,
  phpCalls,
  pythonCalls,
  rubyCalls,
  type SdkCallSite,
} from './sdk-calls';

type CheckedLanguage = Exclude<SdkLanguage, 'node'>;
const FINDERS: Record<CheckedLanguage, (code: string) => SdkCallSite[]> = {
  python: pythonCalls,
  php: phpCalls,
  ruby: rubyCalls,
};
const LANGUAGES = Object.keys(FINDERS) as CheckedLanguage[];

/** Problems of one sample, and how many SDK calls it makes. */
function checkSample(language: CheckedLanguage, code: string): { problems: string[]; calls: number } {
  const manifest = SDK_MANIFESTS[language];
  const calls = FINDERS[language](code);
  const problems = [
    ...calls.flatMap((call) => checkCall(manifest, call)),
    ...checkClientOptions(manifest, clientOptions(language, code)),
  ];
  // The Python SDK returns typed objects; dictionary access needs its dictionary option, set where it is used.
  if (
    language === 'python' &&
    (calls.length > 0 || /\bKlaviyoAPI\(/.test(code)) &&
    /\[\s*["'](data|links|attributes|relationships|included)["']\s*\]/.test(code) &&
    !code.includes('USE_DICTIONARY_FOR_RESPONSE_DATA')
  )
    problems.push('reads an SDK response as a dictionary without setting USE_DICTIONARY_FOR_RESPONSE_DATA');
  return { problems, calls: calls.length };
}

describe('Python, PHP and Ruby samples against the SDK manifests', () => {
  it('every generated sample of the latest revision calls only methods and parameters the SDK has', async () => {
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const latest = model.revisions.find((revision) => revision.isLatest)!;
    const problems: string[] = [];
    const calls: Record<string, number> = {};
    for (const operation of latest.operations) {
      for (const sample of buildCodeSamples(latest.spec, operation, latest.revision)) {
        if (!LANGUAGES.includes(sample.language as CheckedLanguage)) continue;
        const result = checkSample(sample.language as CheckedLanguage, sample.code);
        calls[sample.language] = (calls[sample.language] ?? 0) + result.calls;
        problems.push(
          ...result.problems.map((problem) => `/reference/${operation.operationId} (${sample.label}): ${problem}`),
        );
      }
    }
    expect(problems).toEqual([]);
    for (const language of LANGUAGES) expect(calls[language], language).toBeGreaterThanOrEqual(45);
    console.log(`reference calls checked: ${LANGUAGES.map((l) => `${l} ${calls[l]}`).join(', ')}`);
  });

  it('every Python, PHP and Ruby block in docs/ and blog/ calls only methods and parameters the SDK has', () => {
    const problems: string[] = [];
    const calls: Record<string, number> = {};
    for (const language of LANGUAGES) {
      for (const block of codeBlocks([language])) {
        if (optOutReason(block) !== undefined) continue;
        const result = checkSample(language, block.code);
        calls[language] = (calls[language] ?? 0) + result.calls;
        problems.push(...result.problems.map((problem) => `${block.file}:${block.line}: ${problem}`));
      }
    }
    expect(problems).toEqual([]);
    expect(calls.python).toBeGreaterThanOrEqual(10);
    console.log(`docs and blog calls checked: ${LANGUAGES.map((l) => `${l} ${calls[l] ?? 0}`).join(', ')}`);
  });

  it('catch a call to a method the SDK does not have, an unknown parameter and dictionary access', () => {
    expect(checkSample('python', 'klaviyo.Client.create_client_event("YOUR_PUBLIC_API_KEY", {})').problems).toEqual([
      'Client.create_client_event does not exist in klaviyo-api 24.0.0',
    ]);
    expect(checkSample('php', '$klaviyo->Profiles->getProfiles(page_sise: 100);').problems).toEqual([
      'Profiles.getProfiles has no parameter page_sise',
    ]);
    expect(checkSample('ruby', 'KlaviyoAPI::Profiles.get_profiles({ page_size: 100, colour: 1 })').problems).toEqual([
      'Profiles.get_profiles has no parameter colour',
    ]);
    expect(checkSample('php', "new KlaviyoAPI('KEY', num_retries: 3, wait_seconds: 3);").problems).toEqual([
      "new KlaviyoAPI's wait_seconds is deprecated",
    ]);
    expect(checkSample('python', 'r = klaviyo.Profiles.get_profiles()\nprint(r["data"])').problems).toHaveLength(1);
    expect(
      checkSample(
        'python',
        'r = klaviyo.Profiles.get_profiles(options={USE_DICTIONARY_FOR_RESPONSE_DATA: True})\nprint(r["data"])',
      ).problems,
    ).toEqual([]);
  });

  it('record each SDK release and the revision it targets', () => {
    for (const manifest of Object.values(SDK_MANIFESTS)) {
      expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(manifest.revision).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Object.keys(manifest.namespaces).length).toBeGreaterThanOrEqual(15);
    }
  });
});

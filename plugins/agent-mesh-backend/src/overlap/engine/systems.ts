/**
 * A small table of common external systems: the canonical name the engine uses, the spellings
 * people write instead (synonyms), and the kind of job the system does (its category). Two
 * artifacts that use different systems of the same category (say Sentry and Rollbar) may still
 * do the same job; the category lets the engine say so without guessing from words alone.
 *
 * Keep it to well-known systems; it is domain knowledge, not a list tuned to any data set.
 */
export interface KnownSystem {
  /** Canonical name, lower-case, dashes between words. */
  name: string;
  /** Other spellings: single words or phrases, lower-case. */
  aliases?: string[];
  /** What kind of job the system does, e.g. `crm`, `ci`, `error-tracking`. */
  category: string;
}

export const KNOWN_SYSTEMS: KnownSystem[] = [
  // commerce, CRM, ERP, marketing
  { name: 'shopify', category: 'ecommerce' },
  { name: 'magento', aliases: ['adobe commerce'], category: 'ecommerce' },
  { name: 'woocommerce', category: 'ecommerce' },
  { name: 'salesforce', aliases: ['sfdc'], category: 'crm' },
  { name: 'hubspot', category: 'crm' },
  { name: 'dynamics-365', aliases: ['dynamics 365', 'd365'], category: 'crm' },
  { name: 'netsuite', category: 'erp' },
  { name: 'sap', category: 'erp' },
  { name: 'stripe', category: 'payments' },
  { name: 'adyen', category: 'payments' },
  { name: 'marketo', category: 'marketing-automation' },
  { name: 'mailchimp', category: 'marketing-automation' },
  { name: 'braze', category: 'marketing-automation' },
  { name: 'contentful', category: 'cms' },
  { name: 'wordpress', category: 'cms' },
  // analytics, BI, data
  {
    name: 'google-analytics',
    aliases: ['ga', 'ga4', 'google analytics'],
    category: 'web-analytics',
  },
  { name: 'matomo', category: 'web-analytics' },
  {
    name: 'quantum-metric',
    aliases: ['quantum metric'],
    category: 'web-analytics',
  },
  { name: 'mixpanel', category: 'web-analytics' },
  { name: 'amplitude', category: 'web-analytics' },
  { name: 'looker', category: 'bi' },
  { name: 'tableau', category: 'bi' },
  { name: 'power-bi', aliases: ['powerbi', 'power bi'], category: 'bi' },
  { name: 'snowflake', category: 'data-warehouse' },
  { name: 'bigquery', aliases: ['big query'], category: 'data-warehouse' },
  { name: 'redshift', category: 'data-warehouse' },
  { name: 'databricks', category: 'data-warehouse' },
  {
    name: 'google-sheets',
    aliases: ['gsheets', 'google sheets'],
    category: 'spreadsheet',
  },
  { name: 'excel', category: 'spreadsheet' },
  {
    name: 'airflow',
    aliases: ['apache airflow'],
    category: 'workflow-orchestration',
  },
  // collaboration, support, docs
  { name: 'slack', category: 'chat' },
  {
    name: 'microsoft-teams',
    aliases: ['ms teams', 'msteams'],
    category: 'chat',
  },
  { name: 'zendesk', category: 'helpdesk' },
  { name: 'freshdesk', category: 'helpdesk' },
  { name: 'intercom', category: 'helpdesk' },
  { name: 'confluence', category: 'wiki' },
  { name: 'notion', category: 'wiki' },
  { name: 'jira', category: 'issue-tracking' },
  { name: 'linear', category: 'issue-tracking' },
  { name: 'shortcut', category: 'issue-tracking' },
  // source control and CI/CD
  { name: 'github', category: 'source-control' },
  { name: 'gitlab', category: 'source-control' },
  { name: 'bitbucket', category: 'source-control' },
  {
    name: 'github-actions',
    aliases: ['github actions', 'gha'],
    category: 'ci',
  },
  { name: 'jenkins', category: 'ci' },
  { name: 'circleci', aliases: ['circle ci'], category: 'ci' },
  { name: 'travis-ci', aliases: ['travis ci', 'travis'], category: 'ci' },
  { name: 'buildkite', category: 'ci' },
  { name: 'bitrise', category: 'ci' },
  { name: 'azure-pipelines', aliases: ['azure pipelines'], category: 'ci' },
  {
    name: 'google-cloud-build',
    aliases: ['cloud build', 'cloudbuild'],
    category: 'ci',
  },
  { name: 'aws-codebuild', aliases: ['codebuild'], category: 'ci' },
  { name: 'tekton', category: 'ci' },
  {
    name: 'argo-cd',
    aliases: ['argocd', 'argo cd'],
    category: 'continuous-delivery',
  },
  { name: 'flux', aliases: ['fluxcd'], category: 'continuous-delivery' },
  { name: 'spinnaker', category: 'continuous-delivery' },
  // runtime and infrastructure
  { name: 'aws', aliases: ['amazon web services'], category: 'cloud-provider' },
  { name: 'azure', aliases: ['microsoft azure'], category: 'cloud-provider' },
  {
    name: 'google-cloud',
    aliases: ['gcp', 'google cloud platform', 'google cloud'],
    category: 'cloud-provider',
  },
  { name: 'kubernetes', aliases: ['k8s'], category: 'container-platform' },
  { name: 'openshift', category: 'container-platform' },
  { name: 'terraform', category: 'infrastructure-as-code' },
  { name: 'pulumi', category: 'infrastructure-as-code' },
  {
    name: 'docker-hub',
    aliases: ['docker hub'],
    category: 'container-registry',
  },
  { name: 'harbor', category: 'container-registry' },
  { name: 'amazon-ecr', aliases: ['ecr'], category: 'container-registry' },
  {
    name: 'azure-container-registry',
    aliases: ['acr'],
    category: 'container-registry',
  },
  { name: 'artifactory', aliases: ['jfrog'], category: 'artifact-repository' },
  { name: 'nexus', category: 'artifact-repository' },
  // observability and operations
  { name: 'pagerduty', aliases: ['pager duty'], category: 'on-call' },
  { name: 'opsgenie', category: 'on-call' },
  {
    name: 'splunk-on-call',
    aliases: ['victorops', 'splunk on-call'],
    category: 'on-call',
  },
  { name: 'ilert', category: 'on-call' },
  { name: 'firehydrant', category: 'incident-management' },
  { name: 'rootly', category: 'incident-management' },
  {
    name: 'incident-io',
    aliases: ['incident.io'],
    category: 'incident-management',
  },
  { name: 'sentry', category: 'error-tracking' },
  { name: 'rollbar', category: 'error-tracking' },
  { name: 'bugsnag', category: 'error-tracking' },
  { name: 'airbrake', category: 'error-tracking' },
  { name: 'datadog', category: 'monitoring' },
  {
    name: 'new-relic',
    aliases: ['newrelic', 'new relic'],
    category: 'monitoring',
  },
  { name: 'dynatrace', category: 'monitoring' },
  { name: 'prometheus', category: 'monitoring' },
  { name: 'grafana', category: 'monitoring' },
  { name: 'splunk', category: 'logging' },
  { name: 'elasticsearch', aliases: ['elastic'], category: 'logging' },
  // security and quality
  { name: 'snyk', category: 'security-scanning' },
  { name: 'black-duck', aliases: ['blackduck'], category: 'security-scanning' },
  {
    name: 'mend',
    aliases: ['whitesource', 'mend.io'],
    category: 'security-scanning',
  },
  { name: 'wiz', category: 'security-scanning' },
  {
    name: 'aws-security-hub',
    aliases: ['security hub'],
    category: 'security-scanning',
  },
  {
    name: 'sonarqube',
    aliases: ['sonarcloud', 'sonar'],
    category: 'code-quality',
  },
  { name: 'codeclimate', aliases: ['code climate'], category: 'code-quality' },
  // feature flags, cost
  { name: 'launchdarkly', category: 'feature-flags' },
  { name: 'flagsmith', category: 'feature-flags' },
  { name: 'unleash', category: 'feature-flags' },
  { name: 'kubecost', category: 'cloud-cost' },
  { name: 'opencost', category: 'cloud-cost' },
  { name: 'infracost', category: 'cloud-cost' },
  // AI
  { name: 'openai', aliases: ['chatgpt', 'gpt'], category: 'llm' },
  { name: 'anthropic', aliases: ['claude'], category: 'llm' },
];

/**
 * Kinds of systems that artifacts doing any job integrate with: where the code lives, where
 * people chat, where numbers land, where things run, which model answers. Using one of them
 * says nothing about the job (a tool that posts to Slack can do anything), so their kind is
 * not read as words of the job and does not count as "the same kind of system".
 */
export const PLATFORM_CATEGORIES = new Set([
  'source-control',
  'chat',
  'spreadsheet',
  'wiki',
  'container-platform',
  'cloud-provider',
  'data-warehouse',
  'llm',
]);

const byName = new Map<string, KnownSystem>();
const aliasToName = new Map<string, string>();
for (const system of KNOWN_SYSTEMS) {
  byName.set(system.name, system);
  aliasToName.set(system.name, system.name);
  aliasToName.set(system.name.replace(/-/g, ' '), system.name);
  for (const alias of system.aliases ?? []) aliasToName.set(alias, system.name);
}

/** The longest alias, in words; phrase matching looks this far ahead. */
export const MAX_ALIAS_WORDS = Math.max(
  ...[...aliasToName.keys()].map(a => a.split(' ').length),
);

/** The canonical system name for a spelling (a word or a phrase), if it is a known system. */
export function canonicalSystem(spelling: string): string | undefined {
  return aliasToName.get(spelling.trim().toLowerCase());
}

/** The category of a canonical system name, if known. */
export function systemCategory(name: string): string | undefined {
  return byName.get(name)?.category;
}

/** The category of a known system if it says what job the system does (not a platform). */
export function jobCategory(name: string): string | undefined {
  const category = systemCategory(name);
  return category && !PLATFORM_CATEGORIES.has(category) ? category : undefined;
}

/** Canonical form of a declared integration or tag: known systems by their canonical name. */
export function normalizeSystemName(value: string): string {
  const lower = value.trim().toLowerCase();
  return (
    canonicalSystem(lower) ??
    canonicalSystem(lower.replace(/[-_]/g, ' ')) ??
    lower
  );
}

/** Realistic demo content for Acme's and Globex's service accounts. */
export const ACME_SERVICE_ACCOUNTS: readonly (readonly [name: string, description: string])[] = [
  ['ci-deploy-bot', 'Deploys the web app from GitHub Actions on merge to main'],
  ['terraform-prod', 'Terraform Cloud runs against the production workspace'],
  ['terraform-staging', 'Terraform Cloud runs against the staging workspace'],
  ['billing-export', 'Nightly export of invoices to the finance data warehouse'],
  ['datadog-integration', 'Pulls usage metrics into Datadog dashboards'],
  ['pagerduty-webhook', 'Opens incidents from alert webhooks'],
  ['backup-runner', 'Snapshots databases every 6 hours and prunes old snapshots'],
  ['analytics-ingest', 'Streams product events into the analytics pipeline'],
  ['support-zendesk-sync', 'Syncs customer organizations into Zendesk'],
  ['salesforce-connector', 'Bidirectional sync of accounts and contacts with Salesforce'],
  ['k8s-external-secrets', 'External Secrets Operator in the prod-eu cluster'],
  ['k8s-external-secrets-us', 'External Secrets Operator in the prod-us cluster'],
  ['log-shipper', 'Fluent Bit forwarding audit logs to the SIEM'],
  ['nightly-e2e', 'Runs the end-to-end suite against staging every night'],
  ['mobile-release', 'Publishes iOS and Android builds from Bitrise'],
  ['docs-search-indexer', 'Re-indexes developer docs after each publish'],
  ['data-science-notebooks', 'Shared credential for the research JupyterHub'],
  ['legacy-cron', ''],
  ['slack-notifier', 'Posts deploy and incident summaries to Slack'],
  ['status-page-updater', 'Updates the public status page from health checks'],
  ['security-scanner', 'Weekly dependency and container image scans'],
  ['customer-import', 'One-off bulk import of enterprise customer data'],
  ['grafana-reader', 'Read-only access for Grafana data sources'],
  ['jenkins-legacy', 'Old Jenkins pipelines still building the v1 API'],
  ['feature-flag-sync', 'Syncs feature flag definitions between environments'],
  ['email-digest', 'Sends the weekly usage digest emails'],
  ['warehouse-loader', 'Loads cleaned data into the warehouse with dbt'],
  ['sandbox-playground', ''],
  ['partner-api-gateway', 'Calls from the partner gateway on behalf of resellers'],
  ['ml-training-jobs', 'Batch training jobs reading feature stores'],
];

export const GLOBEX_SERVICE_ACCOUNTS: readonly (readonly [name: string, description: string])[] = [
  ['github-actions', 'CI for the Globex monorepo'],
  ['erp-sync', 'Nightly sync with the ERP system'],
  ['monitoring', 'Prometheus exporters and alert routing'],
  ['hank-scorpio-special-project', ''],
];

export const CREDENTIAL_NAMES: readonly string[] = [
  'production',
  'staging',
  'ci',
  'primary',
  'secondary',
  'eu-west-1',
  'us-east-1',
  'laptop (temporary)',
  'rotation 2025-Q3',
  'github-actions',
  'backup',
  'on-call',
];

export const CREDENTIAL_DESCRIPTIONS: readonly string[] = [
  'Stored in Vault at secret/ci/service-accounts',
  'Stored as a GitHub Actions secret',
  'Kubernetes secret in the platform namespace',
  '',
  '',
  'Owner: platform team',
];

export { ServiceAccountsListPage } from './service-accounts-list-page';
export type { ServiceAccountsListPageProps } from './service-accounts-list-page';
export { ServiceAccountDetailPage } from './service-account-detail-page';
export type { ServiceAccountDetailPageProps } from './service-account-detail-page';
export type { LastActivityColumn } from './service-accounts-table';
export { listParams, parseListSearch } from './list-search';

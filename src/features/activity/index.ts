export { ActivitySection } from './activity-section';
export type { ActivitySectionProps } from './activity-section';
export { OrgActivityPage } from './org-activity-page';

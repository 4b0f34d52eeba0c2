// The root of every audit-event query key, apart from audit-events.ts so that the query client
// (on the first page) can invalidate the activity after writes without loading its schemas.
export const AUDIT_EVENTS_KEY = 'audit-events';

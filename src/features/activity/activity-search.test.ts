import { describe, expect, it } from 'vitest';
import { activitySearchParams, auditEventParams, parseActivitySearch, withFilters } from './activity-search';

describe('activity search in the URL', () => {
  it('round-trips filters and the page', () => {
    const params = new URLSearchParams('actor=p1&action=credential.created&target=c1&limit=50&after=CUR');
    const search = parseActivitySearch(params);
    expect(search).toEqual({ actor: 'p1', action: 'credential.created', target: 'c1', limit: 50, after: 'CUR', before: undefined });
    expect(activitySearchParams(search).toString()).toBe(params.toString());
    expect(auditEventParams(search)).toEqual({
      limit: 50,
      after: 'CUR',
      before: undefined,
      actor_id: 'p1',
      action: 'credential.created',
      target_id: 'c1',
    });
  });

  it('drops unknown actions, bad limits and a second cursor', () => {
    const search = parseActivitySearch(new URLSearchParams('action=drop.tables&limit=5000&after=A&before=B'));
    expect(search.action).toBeUndefined();
    expect(search.limit).toBe(25);
    expect(search.after).toBe('A');
    expect(search.before).toBeUndefined();
    expect(activitySearchParams(search).toString()).toBe('after=A');
  });

  it('starts from the newest events when a filter changes', () => {
    const search = parseActivitySearch(new URLSearchParams('actor=p1&before=B'));
    expect(activitySearchParams(withFilters(search, { action: 'credential.deleted' })).toString()).toBe(
      'actor=p1&action=credential.deleted',
    );
  });
});

import { render, screen } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatAbsoluteTime } from '../lib/time-format';
import { act } from 'react';
import { RelativeTime } from './relative-time';
import { setTimeZoneChoice, TIME_ZONE_STORAGE_KEY } from './use-time-zone';

describe('RelativeTime', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the relative time and gives screen readers the absolute time', () => {
    const iso = '2026-11-30T09:00:00.000Z';
    const absolute = formatAbsoluteTime(new Date(iso));
    const { container } = render(<RelativeTime date={iso} />);
    const time = container.querySelector('time')!;

    expect(time.getAttribute('dateTime')).toBe(iso);
    expect(time.getAttribute('title')).toBe(absolute);
    expect(screen.getByText('3 hours ago')).toBeTruthy();
    const hidden = time.querySelector('.visually-hidden');
    expect(hidden?.textContent).toContain(absolute);
    // The accessible text is the whole <time> content: relative and absolute.
    expect(time.textContent).toBe(`3 hours ago (${absolute})`);
  });

  it('shows the absolute time on screen when asked, in English, and follows the UTC switch', () => {
    const iso = '2026-11-30T09:00:00.000Z';
    const { container } = render(<RelativeTime date={iso} showAbsolute />);
    const time = container.querySelector('time')!;
    expect(time.getAttribute('title')).toBeNull();
    expect(time.textContent).toBe(`3 hours ago (${formatAbsoluteTime(new Date(iso))})`);
    act(() => setTimeZoneChoice('utc'));
    expect(time.textContent).toBe('3 hours ago (30 Nov 2026, 09:00:00 UTC)');
    expect(localStorage.getItem(TIME_ZONE_STORAGE_KEY)).toBe('utc');
    act(() => setTimeZoneChoice('local'));
    expect(localStorage.getItem(TIME_ZONE_STORAGE_KEY)).toBeNull();
  });

  it('renders the never text when there is no date', () => {
    const { container } = render(<RelativeTime date={null} never="Never used" />);
    expect(screen.getByText('Never used')).toBeTruthy();
    expect(container.querySelector('time')).toBeNull();
  });

  it('while Intl is cold, commits the rows first and the absolute time in the render just after', async () => {
    vi.resetModules();
    const { RelativeTime: FreshRelativeTime } = await import('./relative-time');
    const { absoluteTimesReady } = await import('../lib/time-format');
    expect(absoluteTimesReady()).toBe(false);
    const iso = '2026-11-30T09:00:00.000Z';
    const commits: (string | null)[] = [];
    // Runs in each commit, after the <time> before it is in the DOM.
    function TitleAtCommit() {
      useLayoutEffect(() => {
        commits.push(document.querySelector('time')?.getAttribute('title') ?? null);
      });
      return null;
    }
    const view = render(
      <>
        <FreshRelativeTime date={iso} />
        <TitleAtCommit />
      </>,
    );
    const absolute = formatAbsoluteTime(new Date(iso));
    expect(commits[0]).toBeNull();
    expect(screen.getByText('3 hours ago')).toBeTruthy();
    expect(view.container.querySelector('time')!.getAttribute('title')).toBe(absolute);
    expect(view.container.querySelector('time .visually-hidden')?.textContent).toBe(` (${absolute})`);
    view.unmount();

    // Once a formatter exists, the first commit has it all.
    commits.length = 0;
    expect(absoluteTimesReady()).toBe(true);
    render(
      <>
        <FreshRelativeTime date={iso} />
        <TitleAtCommit />
      </>,
    );
    expect(commits[0]).toBe(absolute);
  });
});

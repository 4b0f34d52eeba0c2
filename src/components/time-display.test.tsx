import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RelativeTime } from './relative-time';
import { Table, TBody, Td, Tr } from './table';
import { TimeDisplayProvider } from './time-display';
import { setTimeZoneChoice } from './use-time-zone';

const TIMES = ['2026-11-30T09:00:00.000Z', '2026-11-30T10:00:00.000Z', '2026-11-29T12:00:00.000Z'];

describe('TimeDisplayProvider', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
  });
  afterEach(() => {
    act(() => setTimeZoneChoice('local'));
    vi.useRealTimers();
  });

  it("gives a table's times one clock and one zone: all of them follow the minute and the UTC switch", () => {
    const { container } = render(
      <Table caption="Times">
        <TBody>
          {TIMES.map((iso) => (
            <Tr key={iso}>
              <Td>
                <RelativeTime date={iso} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>,
    );
    const texts = () => [...container.querySelectorAll('time > span:first-child')].map((span) => span.textContent);
    expect(texts()).toEqual(['3 hours ago', '2 hours ago', 'yesterday']);
    // The provider adds no element: the caption is still the table's first child.
    expect(container.querySelector('table')!.firstElementChild!.tagName).toBe('CAPTION');

    act(() => vi.advanceTimersByTime(2 * 60 * 60_000));
    expect(texts()).toEqual(['5 hours ago', '4 hours ago', 'yesterday']);

    act(() => setTimeZoneChoice('utc'));
    expect([...container.querySelectorAll('time')].map((time) => time.getAttribute('title'))).toEqual([
      '30 Nov 2026, 09:00:00 UTC',
      '30 Nov 2026, 10:00:00 UTC',
      '29 Nov 2026, 12:00:00 UTC',
    ]);
  });

  it('shows an absolute time on screen at once when a time asks for it, inside a provider too', () => {
    act(() => setTimeZoneChoice('utc'));
    const { container } = render(
      <TimeDisplayProvider>
        <RelativeTime date={TIMES[0]} showAbsolute />
      </TimeDisplayProvider>,
    );
    expect(container.querySelector('time')!.textContent).toBe('3 hours ago (30 Nov 2026, 09:00:00 UTC)');
  });
});

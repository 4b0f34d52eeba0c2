import { describe, expect, it } from 'vitest';
import { walkPages } from './walk-pages';

type Page = { items: number[]; page_info: { has_next_page: boolean; end_cursor?: string | null } };

async function collect(pages: AsyncIterable<Page>) {
  const items: number[] = [];
  for await (const page of pages) items.push(...page.items);
  return items;
}

describe('walkPages', () => {
  it('follows each end_cursor until the last page', async () => {
    const afters: (string | undefined)[] = [];
    const items = await collect(
      walkPages(async (after) => {
        afters.push(after);
        const n = after ? Number(after) : 0;
        return { items: [n], page_info: { has_next_page: n < 2, end_cursor: String(n + 1) } };
      }),
    );
    expect(items).toEqual([0, 1, 2]);
    expect(afters).toEqual([undefined, '1', '2']);
  });

  it('stops on a repeated cursor instead of looping forever', async () => {
    let calls = 0;
    const items = await collect(
      walkPages(async () => {
        calls += 1;
        return { items: [calls], page_info: { has_next_page: true, end_cursor: 'same' } };
      }),
    );
    expect(items).toEqual([1, 2]);
  });

  it('stops when a page says there is more but gives no cursor', async () => {
    const items = await collect(walkPages(async () => ({ items: [7], page_info: { has_next_page: true, end_cursor: null } })));
    expect(items).toEqual([7]);
  });

  it('stops at maxPages', async () => {
    let n = 0;
    const items = await collect(
      walkPages(async () => ({ items: [n], page_info: { has_next_page: true, end_cursor: `c${n++}` } }), { maxPages: 3 }),
    );
    expect(items).toEqual([0, 1, 2]);
  });

  it('rejects with the signal reason once aborted, without another request', async () => {
    const controller = new AbortController();
    let calls = 0;
    const pages = walkPages(
      async () => {
        calls += 1;
        return { items: [calls], page_info: { has_next_page: true, end_cursor: `c${calls}` } };
      },
      { signal: controller.signal },
    );
    expect((await pages.next()).value?.items).toEqual([1]);
    controller.abort(new Error('query changed'));
    await expect(pages.next()).rejects.toThrow('query changed');
    expect(calls).toBe(1);
  });
});

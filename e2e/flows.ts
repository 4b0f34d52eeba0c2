// The console-flow specs' `test`: the shared fixtures, plus a check that the page threw no
// uncaught error during the test (a crash that a flow survives visibly would otherwise pass).
import { test as base } from './fixtures';

export * from './fixtures';

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    await use(page);
    if (errors.length > 0) throw new Error(`Uncaught errors in the page:\n${errors.join('\n')}`);
  },
});

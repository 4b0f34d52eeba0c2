// Imported first by main.tsx, so this runs before the rest of the entry chunk evaluates (~100 ms
// on a slow machine): the current page's chunk downloads meanwhile instead of after (issue 13).
// The router's lazy route later gets the same module from the browser's module map.
import { pageForPath, pages } from './pages';

const current = pageForPath(window.location.pathname);
// A failed load is the router's to report, when it asks for the page itself.
if (current) pages[current].load().catch(() => undefined);

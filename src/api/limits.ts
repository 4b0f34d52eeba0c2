// A list page's size: the default and the most one request may ask for. Apart from the schemas so
// that code free of zod (the boot script's requests, src/boot.ts) can use them.
export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 1000;

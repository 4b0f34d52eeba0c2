// Apart from capabilities.ts (TanStack Query, zod) for the boot script (src/boot.ts).

/**
 * The extensions the serving server wrote into the page (`<meta name="api-capabilities">`, see
 * server/http/spa.ts), or undefined when the page has none (the vendor's API, another host):
 * then discovery asks the API. Saves the first page a round trip before its requests (issue 13).
 */
export function readEmbeddedCapabilities(doc: Document | undefined = globalThis.document): readonly string[] | undefined {
  const content = doc?.querySelector<HTMLMetaElement>('meta[name="api-capabilities"]')?.content;
  return content === undefined ? undefined : content.split(/\s+/).filter(Boolean);
}

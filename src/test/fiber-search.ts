// Finds a value that React still holds for a rendered tree: in any fiber's props or hook state,
// including the alternate fibers React keeps from the previous render. A one-time secret that
// shows up here is still reachable (and visible in a heap snapshot) after its dialog closed.

type Fiber = {
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
  memoizedProps: unknown;
  pendingProps: unknown;
  memoizedState: unknown;
  updateQueue: unknown;
};

// React-internal links that lead back into fibers or debug data; fibers are walked separately.
const SKIPPED_KEYS = new Set(['_owner', '_store', '_debugInfo', '_debugStack', '_debugTask', '_source']);

function rootFiber(container: Element): Fiber | undefined {
  const key = Object.keys(container).find((k) => k.startsWith('__reactContainer$'));
  return key ? ((container as unknown as Record<string, Fiber>)[key] ?? undefined) : undefined;
}

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

function contains(value: unknown, needle: string, seen: Set<object>, depth: number): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (value === null || typeof value !== 'object' || depth > 20 || seen.has(value)) return false;
  seen.add(value);
  if (!isPlain(value)) return false;
  for (const [key, child] of Object.entries(value)) {
    if (SKIPPED_KEYS.has(key)) continue;
    if (contains(child, needle, seen, depth + 1)) return true;
  }
  return false;
}

/** True when any fiber of the tree rendered into `container` (current or alternate) holds `needle`. */
export function reactTreeHolds(container: Element, needle: string): boolean {
  const start = rootFiber(container);
  if (!start) throw new Error('reactTreeHolds: no React root in this container');
  const fibers = new Set<Fiber>();
  const stack: Fiber[] = [start];
  while (stack.length > 0) {
    const fiber = stack.pop()!;
    if (fibers.has(fiber)) continue;
    fibers.add(fiber);
    for (const next of [fiber.child, fiber.sibling, fiber.alternate]) if (next) stack.push(next);
  }
  const seen = new Set<object>();
  return [...fibers].some((fiber) =>
    [fiber.memoizedProps, fiber.pendingProps, fiber.memoizedState, fiber.updateQueue].some((v) =>
      contains(v, needle, seen, 0),
    ),
  );
}

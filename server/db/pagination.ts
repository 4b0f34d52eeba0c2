import { stmt, type Db } from './database';
import { decodeCursor, encodeCursor, type Position } from './cursor';

export interface PageRequest {
  limit: number;
  after?: string | undefined;
  before?: string | undefined;
}

export interface PageInfo {
  has_next_page: boolean;
  has_prev_page: boolean;
  start_cursor?: string;
  end_cursor?: string;
}

export interface Page<Row> {
  rows: Row[];
  pageInfo: PageInfo;
}

/**
 * The one list query shape: `select` is a `SELECT ... FROM ... WHERE <filter>` (no ORDER BY, no
 * LIMIT) whose rows carry `created_at` and `id`; `keys` names those two columns in SQL. `scope`
 * identifies the list so its cursors are useless elsewhere.
 */
export interface KeysetQuery {
  select: string;
  params: unknown[];
  keys: { createdAt: string; id: string };
  scope: string;
  /** `desc` (default) lists the largest key first. */
  direction?: 'asc' | 'desc' | undefined;
  /**
   * When `keys.createdAt` names another sort column: that column's value in a row (a string, as
   * the SQL expression yields it), for the row's cursor. Defaults to `row.created_at`.
   */
  sortValue?: ((row: never) => string) | undefined;
}

export class InvalidCursorError extends Error {
  readonly field: 'after' | 'before';
  constructor(field: 'after' | 'before') {
    super('Invalid cursor');
    this.field = field;
  }
}

interface KeyedRow {
  created_at: string;
  id: string;
}

/**
 * Keyset pagination, newest first (created_at DESC, id DESC) unless the query says otherwise. A cursor is the position of a row,
 * so a deep page costs the same as the first and inserts never shift pages.
 */
export function paginate<Row extends KeyedRow>(db: Db, query: KeysetQuery, page: PageRequest): Page<Row> {
  if (page.after !== undefined && page.before !== undefined) {
    throw new Error('paginate: after and before are mutually exclusive');
  }
  const { createdAt, id } = query.keys;
  // Written for newest first; ascending swaps every comparison and order.
  const asc = query.direction === 'asc';
  const [BEFORE, BEFORE_EQ, AFTER, AFTER_EQ] = (asc ? ['<', '<=', '>', '>='] : ['>', '>=', '<', '<=']) as [
    '<' | '>',
    '<=' | '>=',
    '<' | '>',
    '<=' | '>=',
  ];
  const [FORWARD, BACKWARD] = asc ? ['ASC', 'DESC'] : ['DESC', 'ASC'];
  const decode = (field: 'after' | 'before', raw: string): Position => {
    const position = decodeCursor(db, query.scope, raw);
    if (!position) throw new InvalidCursorError(field);
    return position;
  };
  // A row value: SQLite seeks the index to the position when both are columns of it (so sort
  // keys are columns, never expressions or COLLATE terms).
  const compare = (op: '<' | '<=' | '>' | '>=', p: Position) => ({
    sql: `(${createdAt}, ${id}) ${op} (?, ?)`,
    params: [p.createdAt, p.id],
  });
  const exists = (op: '<=' | '>=', p: Position) => {
    const c = compare(op, p);
    return stmt(db, `SELECT EXISTS (${query.select} AND ${c.sql}) AS found`).get(...query.params, ...c.params) as {
      found: number;
    };
  };

  let rows: Row[];
  let hasNext: boolean;
  let hasPrev: boolean;
  if (page.before !== undefined) {
    const p = decode('before', page.before);
    // Walk backwards (ascending) from the cursor, then restore newest-first order.
    const c = compare(BEFORE, p);
    rows = stmt(db, `${query.select} AND ${c.sql} ORDER BY ${createdAt} ${BACKWARD}, ${id} ${BACKWARD} LIMIT ?`)
      .all(...query.params, ...c.params, page.limit + 1) as Row[];
    hasPrev = rows.length > page.limit;
    rows = rows.slice(0, page.limit).reverse();
    hasNext = exists(AFTER_EQ, p).found === 1;
  } else {
    const p = page.after !== undefined ? decode('after', page.after) : undefined;
    const c = p ? compare(AFTER, p) : undefined;
    rows = stmt(db, `${query.select} ${c ? `AND ${c.sql}` : ''} ORDER BY ${createdAt} ${FORWARD}, ${id} ${FORWARD} LIMIT ?`)
      .all(...query.params, ...(c ? c.params : []), page.limit + 1) as Row[];
    hasNext = rows.length > page.limit;
    rows = rows.slice(0, page.limit);
    hasPrev = p ? exists(BEFORE_EQ, p).found === 1 : false;
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  const sortValue = (query.sortValue ?? ((row: KeyedRow) => row.created_at)) as (row: KeyedRow) => string;
  const position = (row: KeyedRow) => encodeCursor(db, query.scope, { createdAt: sortValue(row), id: row.id });
  return {
    rows,
    pageInfo: {
      has_next_page: hasNext,
      has_prev_page: hasPrev,
      ...(first ? { start_cursor: position(first) } : {}),
      ...(last ? { end_cursor: position(last) } : {}),
    },
  };
}

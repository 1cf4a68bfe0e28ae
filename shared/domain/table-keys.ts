/**
 * The keys of a rule table kept as data (grounds, kinds, codes with their sources), as the
 * non-empty tuple `z.enum` takes: a schema accepts exactly the table's entries.
 */
export const keysOf = <Table extends Record<string, unknown>>(table: Table): [keyof Table & string, ...(keyof Table & string)[]] =>
  Object.keys(table) as [keyof Table & string, ...(keyof Table & string)[]];

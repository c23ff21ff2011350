// Case-insensitive "contains" on text columns, the same on SQLite and PostgreSQL. The search text
// is matched literally: LIKE wildcards in it are escaped, and the escape character is declared
// (SQLite has no default one).
import { sql, type Expression, type SqlBool } from 'kysely'

export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`
}

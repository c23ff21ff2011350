// Two kinds of input no route schema refuses on its own, refused here for every route with 400
// VALIDATION (the same details as a schema error):
// - the NUL character in any text or key: PostgreSQL cannot store or compare it and fails the
//   statement (a 500 on a login, a search, a reason…), and no field of this API has a use for it;
// - a number that is not finite: with the app's type coercion, Ajv turns the string "Infinity" or
//   "1e309" (in a query or a JSON body) into Infinity and then skips minimum and maximum for it, so
//   `limit=Infinity` reached the database as a bigint.
// Checked after validation over path parameters, query and JSON bodies (files are left to their
// parsers), without recursion: a deeply nested document must not overflow the stack here either.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors.js'

export interface Unrepresentable { path: string; message: string }

/** The first NUL character or non-finite number in a parsed input, with its path (/a/0/b). */
export function unrepresentable(value: unknown): Unrepresentable | undefined {
  const stack: [unknown, string][] = [[value, '']]
  while (stack.length > 0) {
    const [v, path] = stack.pop()!
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { path, message: 'must not contain the NUL character' }
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, message: 'must be a finite number' }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`])
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes('\u0000')) return { path: `${path}/${key.split('\u0000').join('\\u0000')}`, message: 'a field name must not contain the NUL character' }
        stack.push([child, `${path}/${key}`])
      }
    }
  }
  return undefined
}

export default fp(async function inputGuardPlugin(app: FastifyInstance) {
  app.addHook('preHandler', (request, _reply, done) => {
    const parts: [string, unknown][] = [['params', request.params], ['querystring', request.query], ['body', request.body]]
    for (const [where, value] of parts) {
      const found = unrepresentable(value)
      if (found) {
        done(new AppError('VALIDATION', 'The request is not valid. See details.', [{ path: `${where}${found.path}`, message: found.message }]))
        return
      }
    }
    done()
  })
})

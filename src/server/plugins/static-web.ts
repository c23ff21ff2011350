// Serves the built React app (dist/web) from the same process. Unknown non-API GETs get index.html
// so client-side routes survive a reload; hashed assets are cached for a year. A route that shares its
// path with a page (an achievement's id answers JSON or the page) sends the page with reply.sendWebApp().
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyReply {
    /** Sends the web app (index.html: its router renders the path), keeping a status set before it; 503 when it is not built. */
    sendWebApp(): FastifyReply
  }
}

export default fp(async function staticWebPlugin(app: FastifyInstance) {
  const root = app.config.webDir
  const index = path.join(root, 'index.html')
  const built = fs.existsSync(index)
  if (!built) app.log.warn({ root }, 'the web app is not built: run `npm run build` to serve the site')
  else {
    await app.register(fastifyStatic, {
      root,
      // Files are looked up per request, so a rebuild is served without a restart.
      wildcard: true,
      index: false,
      setHeaders(res, file) {
        res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }

  app.decorateReply('sendWebApp', function sendWebApp(this: FastifyReply) {
    if (!built) {
      return this.type('text/plain; charset=utf-8').status(503).send('The MT1 web app is not built. Run `npm run build`, then restart.')
    }
    this.header('cache-control', 'no-cache')
    return this.sendFile('index.html')
  })

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return
    const url = request.url.split('?')[0]!
    if (url.startsWith('/api/') || url === '/metrics' || url.startsWith('/assets/') || path.extname(url) !== '') return
    if (request.routeOptions.url && request.routeOptions.url !== '/*') return
    return reply.sendWebApp()
  })
})

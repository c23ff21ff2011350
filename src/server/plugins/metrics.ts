// Prometheus metrics at /metrics: the process's own (CPU, memory, event loop) and a request
// duration histogram labelled by route pattern, so labels stay bounded. Not public: a scraper reads
// them from an allowed address (METRICS_ALLOW, CIDRs; loopback by default) or with
// `Authorization: Bearer <METRICS_TOKEN>` from anywhere.
import { BlockList, isIP } from 'node:net'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { AppError } from '../errors.js'
import { safeEqual } from '../ids.js'

/** The allowlist as a BlockList (which also matches IPv4-mapped IPv6 addresses); a bad entry stops start-up. */
export function metricsAllowList(cidrs: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of cidrs) {
    const [address = '', bits] = entry.split('/')
    const family = isIP(address)
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits)
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`METRICS_ALLOW: "${entry}" is not an address or CIDR range`)
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4')
  }
  return list
}

export default fp(async function metricsPlugin(app: FastifyInstance) {
  const allowed = metricsAllowList(app.config.metricsAllow)
  const token = app.config.metricsToken
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'mt1_' })
  const duration = new Histogram({
    name: 'mt1_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })

  function mayRead(request: FastifyRequest): boolean {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
    if (token && bearer && safeEqual(bearer, token)) return true
    const family = isIP(request.ip)
    return family !== 0 && allowed.check(request.ip, family === 6 ? 'ipv6' : 'ipv4')
  }

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000)
  })

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!mayRead(request)) {
      if (request.headers.authorization !== undefined) throw new AppError('UNAUTHENTICATED', 'The metrics token is not right.')
      throw new AppError('FORBIDDEN', 'Metrics are read from an allowed address (METRICS_ALLOW) or with the metrics token (METRICS_TOKEN).')
    }
    reply.type(registry.contentType)
    return registry.metrics()
  })
})

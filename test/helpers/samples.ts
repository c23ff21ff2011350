// The third-party QTI samples live in ../shared/qti-samples beside the checkout. Tests that read
// them skip, with a printed notice, where that folder is absent; the files are never copied here.
import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../src/server/config.js'

export const samplesDir = path.resolve(projectRoot, '..', 'shared', 'qti-samples')
export const samplesPresent = fs.existsSync(samplesDir)
if (!samplesPresent) console.warn(`[qti-samples] ${samplesDir} is absent: the sample import tests are skipped.`)

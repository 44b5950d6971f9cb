/**
 * `tsx scripts/build-web.ts [OUTDIR]`: bundle the page into dist/web (or OUTDIR) for `dyad serve`.
 * Part of `npm run build`; the bundle is what an installed dyad serves.
 */
import { join } from 'node:path'
import { buildWeb, packageRoot } from '../src/api/build-web.js'

const root = packageRoot()
const outdir = process.argv[2] ?? join(root, 'dist', 'web')
const started = Date.now()
const { files } = await buildWeb({ root, outdir })
const bytes = [...files.values()].reduce((sum, file) => sum + file.body.byteLength, 0)
process.stderr.write(
  `web bundle: ${files.size} files, ${Math.round(bytes / 1024)} KB in ${outdir} (${Date.now() - started} ms)\n`,
)

/**
 * What the routes need, passed in by createApp (src/api/app.ts): no route reaches for module
 * state or the environment, so tests hand in a temp store and a fixed token.
 */
import type { Resources } from '../resources.js'
import type { Store } from '../store/database.js'
import type { CountryDirectory } from './countries.js'

export interface ApiDeps {
  readonly store: Store
  readonly directory: CountryDirectory
  /** The bearer token writes need; undefined or '' turns writing off (503). */
  readonly token: string | undefined
  /** The pipeline's dictionaries, loaded on the first POST unless given. */
  readonly loadResources: () => Promise<Resources>
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number
}

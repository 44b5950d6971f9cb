/**
 * `dyad alerts add|list|remove`: alerts on a dyad, kept in the store. They fire when `dyad
 * ingest` or `dyad watch` stores articles whose events match.
 */
import { resolve } from 'node:path'

import { DyadError } from '../../errors.js'
import {
  addAlert,
  describeAlert,
  listAlerts,
  modalitiesOf,
  pairOfDyad,
  removeAlert,
  typesOf,
} from '../../monitor/alerts.js'
import { closeStore, openStore, type Store } from '../../store/database.js'
import { migrateStore } from '../../store/migrate.js'

export interface AlertsAddOptions {
  readonly db: string
  readonly dyad: string
  readonly type?: string
  readonly modality?: string
  readonly minSources: number
  readonly onNewSource?: boolean
  readonly jsonl?: string
  readonly webhook?: string
}

/** Add an alert; prints its id and what it watches. */
export async function alertsAddCommand(opts: AlertsAddOptions): Promise<void> {
  const pair = pairOfDyad(opts.dyad)
  const types = opts.type === undefined ? null : typesOf(opts.type)
  const modalities = opts.modality === undefined ? null : modalitiesOf(opts.modality)
  if (opts.webhook !== undefined && !/^https?:\/\/[^\s]+$/iu.test(opts.webhook)) {
    throw new DyadError('E_USAGE', `--webhook "${opts.webhook}" is not an http or https URL`)
  }
  await withStore(opts.db, (store) => {
    const id = addAlert(store, {
      pair,
      types,
      modalities,
      minSources: opts.minSources,
      onNewSource: opts.onNewSource === true,
      // Absolute, so the alert writes to the same file whatever folder `dyad watch` runs in.
      jsonlPath: opts.jsonl === undefined ? null : resolve(opts.jsonl),
      webhookUrl: opts.webhook ?? null,
    })
    const alert = listAlerts(store).find((a) => a.id === id)
    process.stdout.write(`alert ${id}: ${alert === undefined ? pair : describeAlert(alert)}\n`)
  })
}

/** List alerts, one per line. */
export async function alertsListCommand(opts: { readonly db: string }): Promise<void> {
  await withStore(opts.db, (store) => {
    const alerts = listAlerts(store)
    if (alerts.length === 0) {
      process.stdout.write('no alerts; add one with `dyad alerts add --dyad IRN-VEN`\n')
      return
    }
    for (const alert of alerts) {
      const outputs = [
        alert.jsonlPath === null ? null : `jsonl ${alert.jsonlPath}`,
        alert.webhookUrl === null ? null : `webhook ${alert.webhookUrl}`,
      ].filter((out) => out !== null)
      const to = outputs.length === 0 ? '' : `  -> ${outputs.join(', ')}`
      process.stdout.write(`${alert.id}  ${describeAlert(alert)}${to}\n`)
    }
  })
}

/** Remove an alert by id; exit 1 when there is none. */
export async function alertsRemoveCommand(
  id: string,
  opts: { readonly db: string },
): Promise<void> {
  const number = Number(id)
  if (!Number.isInteger(number) || number < 1) {
    throw new DyadError('E_USAGE', `"${id}" is not an alert id; \`dyad alerts list\` shows them`)
  }
  await withStore(opts.db, (store) => {
    if (removeAlert(store, number)) {
      process.stdout.write(`removed alert ${number}\n`)
      return
    }
    process.stderr.write(
      `error: no alert ${number} in ${opts.db}; \`dyad alerts list\` shows them\n`,
    )
    process.exitCode = 1
  })
}

async function withStore(db: string, run: (store: Store) => void): Promise<void> {
  const store = openStore(db)
  try {
    await migrateStore(store)
    run(store)
  } finally {
    closeStore(store)
  }
}

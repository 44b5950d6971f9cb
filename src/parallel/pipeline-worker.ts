/**
 * One pipeline thread (node:worker_threads). It compiles the dictionaries the main thread read
 * (workerData) once, then runs
 * `processArticle` on each article the main thread sends and answers with the layers the
 * commands use: event mentions and problems. The main thread reads inputs and writes the store,
 * so this thread never touches a file but the dictionaries.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { PeopleRegistry, type LearnedPerson } from '../actors/learned-people.js'
import { isDyadError } from '../errors.js'
import { processArticle } from '../pipeline.js'
import type { Dictionaries } from '../dict/types.js'
import { adoptEldPack } from '../ingest/detect-language.js'
import type { PackedEld } from '../ingest/eld-scorer.js'
import { buildResources, type Resources } from '../resources.js'
import type { ToWorker, FromWorker } from './messages.js'

const port = parentPort
if (port === null) throw new Error('pipeline-worker.ts runs as a worker thread only')

const send = (message: FromWorker): void => port.postMessage(message)

let resources: Resources
try {
  // The dictionaries, read and checked by the main thread, and the people the store learned
  // before this run, as in one thread.
  const data = workerData as { dictionaries: Dictionaries; eld?: PackedEld | null; learned?: LearnedPerson[] }
  const learned = data.learned ?? []
  // The language detector's database, packed by the main thread; without it eld is loaded here.
  if (data.eld) adoptEldPack(data.eld)
  const loaded = await buildResources(data.dictionaries)
  resources = learned.length > 0 ? { ...loaded, registry: new PeopleRegistry(learned) } : loaded
  send({ kind: 'ready' })
} catch (error) {
  // A bad dictionary: the main thread reports it as the in-process run would, then stops.
  const code = isDyadError(error) ? error.code : null
  send({ kind: 'fatal', code, message: error instanceof Error ? error.message : String(error) })
  port.close()
}

port.on('message', (message: ToWorker) => {
  try {
    const doc = processArticle(message.article, resources, message.scope)
    send({
      kind: 'done',
      seq: message.seq,
      eventMentions: doc.eventMentions ?? [],
      problems: doc.problems,
      introductions: (doc.mentions ?? []).filter((m) => m.introduces),
    })
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error'
    const text = error instanceof Error ? error.message : String(error)
    send({ kind: 'failed', seq: message.seq, name, message: text })
  }
})

/**
 * A pool of pipeline threads (`--workers N`). The main thread hands articles over with `run`
 * and gets each one's event mentions and problems back; answers may come back in any order, so
 * callers that need input order keep their own window (cli/read-docs.ts does).
 *
 * What is the same for every thread is made once, here, and handed to each (a structured clone
 * of plain data, ~20 ms): the dictionaries read and checked (parsing the YAML took a thread a
 * second) and the language detector's database (importing eld's took 0.4 s and 70 MB).
 */
import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import type { LearnedPerson } from '../actors/learned-people.js'
import { loadDictionaries } from '../dict/load.js'
import type { Dictionaries } from '../dict/types.js'
import { packLanguageDetector } from '../ingest/detect-language.js'
import type { PackedEld } from '../ingest/eld-scorer.js'
import type { Article } from '../doc.js'
import type { ScopeOption } from '../pipeline.js'
import { DyadError, ERRORS, type ErrorCode } from '../errors.js'
import type { FromWorker, ToWorker } from './messages.js'

/** The answer for one article. */
export type PoolAnswer = Extract<FromWorker, { kind: 'done' } | { kind: 'failed' }>

/**
 * Articles sent to one thread ahead of its answers. The main thread hears answers only between
 * its own synchronous work (a burst of saves), so each thread needs enough in hand to stay busy
 * meanwhile.
 */
const PER_THREAD = 16

/** One thread per core: the default of `--workers`. */
export function defaultWorkers(): number {
  return availableParallelism()
}

/** What every thread is handed at its start (workerData, with the learned people). */
export interface ThreadStart {
  readonly dictionaries: Dictionaries
  /** null: each thread loads eld itself. */
  readonly eld: PackedEld | null
}

/** Read the dictionaries and pack the language detector, once for all threads. */
export async function threadStart(): Promise<ThreadStart> {
  return { dictionaries: loadDictionaries(), eld: await packLanguageDetector() }
}

interface Task {
  readonly seq: number
  readonly article: Article
  readonly scope?: ScopeOption
  readonly resolve: (answer: PoolAnswer) => void
  readonly reject: (error: Error) => void
}

interface Thread {
  readonly worker: Worker
  readonly busy: Map<number, Task>
}

export class PipelinePool {
  private readonly threads: Thread[] = []
  private readonly waiting: Task[] = []
  private nextSeq = 0
  private failure: Error | null = null
  private closed = false

  /**
   * A pool of `size` threads (at least one), each knowing the people the store learned before.
   * Rejects with the dictionaries' own error (E_DICT_*) when they cannot be loaded.
   */
  static async start(size: number, learned: readonly LearnedPerson[] = []): Promise<PipelinePool> {
    return new PipelinePool(size, learned, await threadStart())
  }

  constructor(size: number, learned: readonly LearnedPerson[], start: ThreadStart) {
    const { entry, options } = workerSpec()
    const workerData = { ...start, learned }
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(entry, { ...options, workerData })
      const thread: Thread = { worker, busy: new Map() }
      worker.on('message', (message: FromWorker) => this.onMessage(thread, message))
      worker.on('error', (error) => this.fail(error))
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`a pipeline thread stopped (exit code ${code})`))
      })
      this.threads.push(thread)
    }
  }

  /** Run the pipeline on one article in some thread. Rejects only when the pool broke. */
  run(article: Article, scope?: ScopeOption): Promise<PoolAnswer> {
    if (this.failure !== null) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiting.push({ seq: this.nextSeq++, article, ...(scope ? { scope } : {}), resolve, reject })
      this.dispatch()
    })
  }

  /** Stop every thread; pending articles are dropped. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()))
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const thread = this.threads.reduce((a, b) => (b.busy.size < a.busy.size ? b : a))
      if (thread.busy.size >= PER_THREAD) return
      const task = this.waiting.shift()!
      thread.busy.set(task.seq, task)
      const message: ToWorker = { seq: task.seq, article: task.article, ...(task.scope ? { scope: task.scope } : {}) }
      thread.worker.postMessage(message)
    }
  }

  private onMessage(thread: Thread, message: FromWorker): void {
    if (message.kind === 'ready') return
    if (message.kind === 'fatal') {
      this.fail(fatalError(message.code, message.message))
      return
    }
    const task = thread.busy.get(message.seq)
    if (task === undefined) return
    thread.busy.delete(message.seq)
    task.resolve(message)
    this.dispatch()
  }

  /** The pool cannot go on: every pending article fails with this error. */
  private fail(error: Error): void {
    if (this.failure !== null || this.closed) return
    this.failure = error
    const pending = [...this.waiting, ...this.threads.flatMap((t) => [...t.busy.values()])]
    this.waiting.length = 0
    for (const thread of this.threads) thread.busy.clear()
    for (const task of pending) task.reject(error)
    void this.close()
  }
}

/** The same DyadError the main thread would have raised loading the dictionaries itself. */
function fatalError(code: ErrorCode | null, message: string): Error {
  if (code === null) return new Error(message)
  const advice = `\n  ${ERRORS[code]}`
  return new DyadError(code, message.endsWith(advice) ? message.slice(0, -advice.length) : message)
}

/**
 * How to start a pipeline thread. From dist/ it is the JS file beside this one. From src/ (tsx,
 * vitest) it is the TS file, and the thread first registers tsx's loader itself: Node 20 does
 * not carry `--import tsx` hooks into worker threads.
 */
function workerSpec(): { entry: string | URL; options: WorkerOptions } {
  const isTs = fileURLToPath(import.meta.url).endsWith('.ts')
  const entry = new URL(`./pipeline-worker.${isTs ? 'ts' : 'js'}`, import.meta.url)
  if (!isTs) return { entry, options: {} }
  // The ESM build of tsx's API, beside the CommonJS one that require.resolve finds.
  const api = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')
  const tsx = pathToFileURL(api).href
  const code =
    `import(${JSON.stringify(tsx)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
  return { entry: code, options: { eval: true } }
}

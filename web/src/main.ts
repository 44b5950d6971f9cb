/**
 * The analyst's workbench: pick a dyad or a country, read its timeline, network, map and events,
 * open an event to see its evidence in the article, search the articles. Every panel shows its
 * own loading, empty and error state (`data-state`), and a slow answer never overwrites a newer one.
 */
import './styles.css'
import type {
  Actors,
  ArticleDetail,
  EventDetail,
  EventRow,
  Network,
  NetworkNode,
  Page,
  SearchResult,
  Summary,
} from '../../src/api/types.js'
import { getJson, isAbort, messageOf, type Params } from './api.js'
import { drawArticle, drawEventDetail } from './detail.js'
import { byId, el, setChildren, setPanelState } from './dom.js'
import { drawEventRows, pageLabel } from './events-table.js'
import { countryName, dyadLabel, EVENT_TYPES, rememberCountries, TYPE_STYLE } from './labels.js'
import { drawNetwork } from './network.js'
import { drawSearchResults } from './search.js'
import { focusParams, PAGE_SIZE, readHash, writeHash, type Focus, type ViewState } from './state.js'
import { clearTimeline, drawTimeline } from './timeline.js'
import { drawMap, placesOf } from './world-map.js'

const EMPTY_STORE =
  'No events are stored yet. Ingest articles (npx dyad ingest examples/articles --db dyad.db), then reload.'
/** The map shows the places of at most this many events. */
const MAP_LIMIT = 500

const state: ViewState = { focus: null, from: '', to: '', type: '', modality: '', q: '', offset: 0 }
let countries: readonly NetworkNode[] = []
let network: Network | null = null
let selectedEvent: string | null = null

const ui = {
  countryA: byId<HTMLSelectElement>('country-a'),
  countryB: byId<HTMLSelectElement>('country-b'),
  from: byId<HTMLInputElement>('date-from'),
  to: byId<HTMLInputElement>('date-to'),
  searchForm: byId<HTMLFormElement>('search-form'),
  searchInput: byId<HTMLInputElement>('search-input'),
  timelinePanel: byId('timeline-panel'),
  timelineTitle: byId('timeline-title'),
  timelineChart: byId<HTMLCanvasElement>('timeline-chart'),
  networkPanel: byId('network-panel'),
  network: byId('network'),
  mapPanel: byId('map-panel'),
  map: byId('map'),
  eventsPanel: byId('events-panel'),
  eventsTitle: byId('events-title'),
  eventsBody: byId<HTMLTableElement>('events-table').tBodies[0] as HTMLTableSectionElement,
  filterType: byId<HTMLSelectElement>('filter-type'),
  filterModality: byId<HTMLSelectElement>('filter-modality'),
  filterQ: byId<HTMLInputElement>('filter-q'),
  pagePrev: byId<HTMLButtonElement>('page-prev'),
  pageNext: byId<HTMLButtonElement>('page-next'),
  pageInfo: byId('page-info'),
  searchPanel: byId('search-panel'),
  searchResults: byId('search-results'),
  detailPanel: byId('detail-panel'),
  detail: byId('detail'),
}

/** One AbortController per kind of request: a new request cancels the one it replaces. */
const inFlight = new Map<string, AbortController>()

/** Run a load for a panel: loading state, then draw, or the error with a Retry button. */
async function load<T>(
  key: string,
  panel: HTMLElement,
  fetchData: (signal: AbortSignal) => Promise<T>,
  draw: (data: T) => void,
  retry: () => void,
): Promise<void> {
  inFlight.get(key)?.abort()
  const controller = new AbortController()
  inFlight.set(key, controller)
  setPanelState(panel, 'loading', 'Loading…')
  try {
    const data = await fetchData(controller.signal)
    if (controller.signal.aborted) return
    draw(data)
  } catch (error) {
    if (isAbort(error) || controller.signal.aborted) return
    setPanelState(panel, 'error', `Could not load: ${messageOf(error)}`, retry)
  } finally {
    if (inFlight.get(key) === controller) inFlight.delete(key)
  }
}

const dateParams = (): Params => ({ from: state.from || undefined, to: state.to || undefined })

// ---- start: countries, the network and the default dyad ----------------------------------

async function boot(): Promise<void> {
  for (const panel of [ui.timelinePanel, ui.networkPanel, ui.mapPanel, ui.eventsPanel]) {
    setPanelState(panel, 'loading', 'Loading…')
  }
  setPanelState(
    ui.detailPanel,
    'idle',
    'Pick an event in the table, or search the articles, to read its evidence.',
  )
  let actors: Actors
  try {
    ;[actors, network] = await Promise.all([
      getJson<Actors>('/api/actors'),
      getJson<Network>('/api/network', dateParams()),
    ])
  } catch (error) {
    for (const panel of [ui.timelinePanel, ui.networkPanel, ui.mapPanel, ui.eventsPanel]) {
      setPanelState(panel, 'error', `Could not load: ${messageOf(error)}`, () => void boot())
    }
    return
  }
  countries = actors.countries
  rememberCountries(countries)
  if (countries.length === 0) {
    for (const panel of [ui.timelinePanel, ui.networkPanel, ui.mapPanel, ui.eventsPanel]) {
      setPanelState(panel, 'empty', EMPTY_STORE)
    }
    ui.countryA.disabled = true
    ui.countryB.disabled = true
    return
  }
  fillCountrySelects()
  const fromHash = readHash(location.hash)
  state.from = fromHash.from ?? ''
  state.to = fromHash.to ?? ''
  ui.from.value = state.from
  ui.to.value = state.to
  setFocus(isKnown(fromHash.focus) ? fromHash.focus : busiestFocus())
}

function isKnown(focus: Focus | null | undefined): focus is Focus {
  const codes = new Set(countries.map((country) => country.code))
  return (
    focus !== undefined &&
    focus !== null &&
    codes.has(focus.a) &&
    (focus.b === null || codes.has(focus.b))
  )
}

/** The busiest dyad, or the busiest country when no two countries share an event. */
function busiestFocus(): Focus {
  const edge = network?.edges[0]
  if (edge !== undefined) return { a: edge.a, b: edge.b }
  return { a: countries[0]?.code ?? '', b: null }
}

function fillCountrySelects(): void {
  const byName = [...countries].sort((x, y) => x.name.localeCompare(y.name))
  const option = (country: NetworkNode) =>
    el('option', { value: country.code }, `${country.name} (${country.events})`)
  setChildren(ui.countryA, ...byName.map(option))
  setChildren(ui.countryB, el('option', { value: '' }, 'any country'), ...byName.map(option))
  setChildren(
    ui.filterType,
    el('option', { value: '' }, 'all types'),
    ...EVENT_TYPES.map((type) => el('option', { value: type }, TYPE_STYLE[type].label)),
  )
}

// ---- what is in focus ---------------------------------------------------------------------

function setFocus(focus: Focus): void {
  state.focus = focus.b === focus.a ? { a: focus.a, b: null } : focus
  state.offset = 0
  ui.countryA.value = state.focus.a
  ui.countryB.value = state.focus.b ?? ''
  history.replaceState(null, '', writeHash(state))
  const label = dyadLabel(state.focus.a, state.focus.b)
  ui.timelineTitle.textContent = `Events per month: ${label}`
  ui.eventsTitle.textContent = `Events: ${label}`
  void loadTimeline()
  void loadEvents()
  void loadMap()
  // A network request under way (the dates changed) draws the new focus when it lands.
  if (!inFlight.has('network')) drawNetworkPanel()
}

function focusDescription(): string {
  const { focus } = state
  if (focus === null) return ''
  const between =
    focus.b === null
      ? `involving ${countryName(focus.a)}`
      : `between ${dyadLabel(focus.a, focus.b).replace(' – ', ' and ')}`
  const dates =
    state.from || state.to ? ` from ${state.from || 'the start'} to ${state.to || 'today'}` : ''
  return `${between}${dates}`
}

// ---- panels -------------------------------------------------------------------------------

function loadTimeline(): Promise<void> {
  const { focus } = state
  if (focus === null) return Promise.resolve()
  const path =
    focus.b === null
      ? `/api/countries/${encodeURIComponent(focus.a)}/summary`
      : `/api/dyads/${encodeURIComponent(focus.a)}/${encodeURIComponent(focus.b)}/summary`
  return load(
    'timeline',
    ui.timelinePanel,
    (signal) => getJson<Summary>(path, dateParams(), signal),
    (summary) => {
      if (summary.months.length === 0) {
        clearTimeline(ui.timelineChart)
        const undated = summary.undated > 0 ? ` (${summary.undated} without a date)` : ''
        setPanelState(ui.timelinePanel, 'empty', `No dated events ${focusDescription()}${undated}.`)
        return
      }
      setPanelState(
        ui.timelinePanel,
        'ready',
        `${summary.total} events${summary.undated > 0 ? `; ${summary.undated} without a date are not in the chart` : ''}. ` +
          'Bars: events by type; line: mean Goldstein score (−10 conflict … +10 cooperation).',
      )
      drawTimeline(ui.timelineChart, summary)
    },
    () => void loadTimeline(),
  )
}

function drawNetworkPanel(): void {
  if (network === null) return
  if (network.edges.length === 0) {
    setChildren(ui.network)
    setPanelState(ui.networkPanel, 'empty', 'No two countries share an event in these dates.')
    return
  }
  setPanelState(
    ui.networkPanel,
    'ready',
    `${network.nodes.length} countries, ${network.edges.length} dyads` +
      (network.nodes.length > 40 ? '; the 40 busiest countries are drawn.' : '.'),
  )
  drawNetwork(ui.network, network, state.focus, setFocus)
}

function loadNetwork(): Promise<void> {
  return load(
    'network',
    ui.networkPanel,
    (signal) => getJson<Network>('/api/network', dateParams(), signal),
    (data) => {
      network = data
      drawNetworkPanel()
    },
    () => void loadNetwork(),
  )
}

const eventParams = (): Params => ({
  ...focusParams(state),
  type: state.type || undefined,
  modality: state.modality || undefined,
  q: state.q || undefined,
})

function loadEvents(): Promise<void> {
  return load(
    'events',
    ui.eventsPanel,
    (signal) =>
      getJson<Page<EventRow>>(
        '/api/events',
        { ...eventParams(), limit: PAGE_SIZE, offset: state.offset },
        signal,
      ),
    (page) => {
      drawEventRows(ui.eventsBody, page, selectedEvent, openEvent)
      ui.pageInfo.textContent = pageLabel(page)
      ui.pagePrev.disabled = page.offset === 0
      ui.pageNext.disabled = page.offset + page.items.length >= page.total
      if (page.total === 0) {
        const filtered = state.type || state.modality || state.q ? ' with these filters' : ''
        setPanelState(ui.eventsPanel, 'empty', `No events ${focusDescription()}${filtered}.`)
      } else {
        setPanelState(
          ui.eventsPanel,
          'ready',
          'Click an event to read its evidence in the article.',
        )
      }
    },
    () => void loadEvents(),
  )
}

function loadMap(): Promise<void> {
  const { focus } = state
  if (focus === null) return Promise.resolve()
  return load(
    'map',
    ui.mapPanel,
    (signal) =>
      getJson<Page<EventRow>>('/api/events', { ...eventParams(), limit: MAP_LIMIT }, signal),
    (page) => {
      const places = placesOf(page.items)
      const shaded = countries.filter(
        (country) => country.code === focus.a || country.code === focus.b,
      )
      drawMap(ui.map, shaded, places)
      if (places.length === 0) {
        setPanelState(
          ui.mapPanel,
          'empty',
          'None of these events names a place; the countries in focus are shaded.',
        )
      } else {
        const capped =
          page.total > MAP_LIMIT
            ? ` (places of the first ${MAP_LIMIT} of ${page.total} events)`
            : ''
        setPanelState(
          ui.mapPanel,
          'ready',
          `${places.length} place${places.length === 1 ? '' : 's'}${capped}.`,
        )
      }
    },
    () => void loadMap(),
  )
}

// ---- the evidence panel -------------------------------------------------------------------

function openEvent(id: string): void {
  selectedEvent = id
  for (const row of ui.eventsBody.rows)
    row.classList.toggle('selected', row.dataset['eventId'] === id)
  void load(
    'detail',
    ui.detailPanel,
    (signal) => getJson<EventDetail>(`/api/events/${encodeURIComponent(id)}`, {}, signal),
    (detail) => {
      setPanelState(ui.detailPanel, 'ready', '')
      drawEventDetail(ui.detail, detail)
    },
    () => openEvent(id),
  )
}

function openArticle(id: string): void {
  void load(
    'detail',
    ui.detailPanel,
    (signal) => getJson<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`, {}, signal),
    (detail) => {
      setPanelState(ui.detailPanel, 'ready', '')
      drawArticle(ui.detail, detail, openEvent)
    },
    () => openArticle(id),
  )
}

function search(q: string): void {
  ui.searchPanel.hidden = false
  void load(
    'search',
    ui.searchPanel,
    (signal) => getJson<SearchResult>('/api/search', { q }, signal),
    (result) => {
      drawSearchResults(ui.searchResults, result, openArticle)
      if (result.hits.length === 0) {
        setPanelState(ui.searchPanel, 'empty', `No article matches “${q}”.`)
      } else {
        const count = result.hits.length
        setPanelState(
          ui.searchPanel,
          'ready',
          `${count} article${count === 1 ? '' : 's'}; click one to read it.`,
        )
      }
    },
    () => search(q),
  )
}

// ---- wiring -------------------------------------------------------------------------------

ui.countryA.addEventListener('change', () =>
  setFocus({ a: ui.countryA.value, b: ui.countryB.value || null }),
)
ui.countryB.addEventListener('change', () =>
  setFocus({ a: ui.countryA.value, b: ui.countryB.value || null }),
)

function onDatesChanged(): void {
  if (ui.from.value !== '' && !ui.from.checkValidity()) return
  if (ui.to.value !== '' && !ui.to.checkValidity()) return
  state.from = ui.from.value
  state.to = ui.to.value
  void loadNetwork()
  if (state.focus !== null) setFocus(state.focus)
}
ui.from.addEventListener('change', onDatesChanged)
ui.to.addEventListener('change', onDatesChanged)

function onFiltersChanged(): void {
  state.type = ui.filterType.value
  state.modality = ui.filterModality.value
  state.q = ui.filterQ.value.trim()
  state.offset = 0
  void loadEvents()
  void loadMap()
}
ui.filterType.addEventListener('change', onFiltersChanged)
ui.filterModality.addEventListener('change', onFiltersChanged)
let typing: ReturnType<typeof setTimeout> | undefined
ui.filterQ.addEventListener('input', () => {
  clearTimeout(typing)
  typing = setTimeout(onFiltersChanged, 300)
})
byId<HTMLFormElement>('event-filters').addEventListener('submit', (event) => {
  event.preventDefault()
  onFiltersChanged()
})
byId<HTMLFormElement>('focus-form').addEventListener('submit', (event) => event.preventDefault())

ui.pagePrev.addEventListener('click', () => {
  state.offset = Math.max(0, state.offset - PAGE_SIZE)
  void loadEvents()
})
ui.pageNext.addEventListener('click', () => {
  state.offset += PAGE_SIZE
  void loadEvents()
})

ui.searchForm.addEventListener('submit', (event) => {
  event.preventDefault()
  const q = ui.searchInput.value.trim()
  if (q !== '') search(q)
})

window.addEventListener('hashchange', () => {
  const next = readHash(location.hash)
  if (isKnown(next.focus)) setFocus(next.focus)
})

void boot()

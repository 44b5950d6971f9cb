/**
 * The country network: circles for countries (area by events), lines for dyads (width by events,
 * colour from cooperative blue to conflictual red). Laid out by d3-force, run to rest before
 * drawing, so the picture does not move and is the same on every load.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force'
import type { Network, NetworkEdge, NetworkNode } from '../../src/api/types.js'
import { setChildren, svg } from './dom.js'
import { countryName } from './labels.js'
import type { Focus } from './state.js'

// Past these the picture is a hairball: the busiest countries and dyads tell the story.
const MAX_NODES = 40
const MAX_EDGES = 120
const WIDTH = 640
const HEIGHT = 420

interface Node extends SimulationNodeDatum {
  readonly info: NetworkNode
  readonly radius: number
}

interface Link extends SimulationLinkDatum<Node> {
  readonly edge: NetworkEdge
}

/**
 * Draw the network into `box`; `onPick` gets a dyad (a line) or a country (a circle).
 * @example drawNetwork(box, network, { a: 'IRN', b: 'VEN' }, (focus) => setFocus(focus))
 */
export function drawNetwork(
  box: HTMLElement,
  network: Network,
  focus: Focus | null,
  onPick: (focus: Focus) => void,
): void {
  const shown = network.nodes.slice(0, MAX_NODES)
  const nodes: Node[] = shown.map((info) => ({ info, radius: 4 + 3 * Math.sqrt(info.events) }))
  const index = new Map(nodes.map((node) => [node.info.code, node]))
  const links: Link[] = network.edges
    .filter((edge) => index.has(edge.a) && index.has(edge.b))
    .slice(0, MAX_EDGES)
    .map((edge) => ({ edge, source: edge.a, target: edge.b }))

  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<Node, Link>(links)
        .id((node) => node.info.code)
        .distance(90),
    )
    .force('charge', forceManyBody<Node>().strength(-260))
    .force('center', forceCenter(WIDTH / 2, HEIGHT / 2))
    .force(
      'collide',
      forceCollide<Node>((node) => node.radius + 14),
    )
    .stop()
  simulation.tick(300)

  const xs = nodes.map((node) => node.x ?? 0)
  const ys = nodes.map((node) => node.y ?? 0)
  const pad = 40
  const [minX, maxX] = [Math.min(...xs) - pad, Math.max(...xs) + pad]
  const [minY, maxY] = [Math.min(...ys) - pad, Math.max(...ys) + pad]
  const picture = svg('svg', {
    viewBox: `${minX} ${minY} ${Math.max(maxX - minX, 100)} ${Math.max(maxY - minY, 100)}`,
    role: 'img',
    'aria-label': `${nodes.length} countries and ${links.length} dyads`,
    class: 'network',
  })

  const isFocusEdge = (edge: NetworkEdge) =>
    focus !== null &&
    focus.b !== null &&
    [edge.a, edge.b].sort().join() === [focus.a, focus.b].sort().join()
  const lines = svg('g', { class: 'edges' })
  for (const link of links) {
    const { edge } = link
    const source = link.source as Node
    const target = link.target as Node
    const line = svg(
      'line',
      {
        x1: source.x ?? 0,
        y1: source.y ?? 0,
        x2: target.x ?? 0,
        y2: target.y ?? 0,
        stroke: edgeColor(edge),
        'stroke-width': 1 + 1.6 * Math.sqrt(edge.total),
        class: isFocusEdge(edge) ? 'edge selected' : 'edge',
        'data-dyad': `${edge.a}-${edge.b}`,
        tabindex: 0,
        role: 'button',
        'aria-label': edgeTitle(edge),
      },
      svg('title', {}, edgeTitle(edge)),
    )
    onActivate(line, () => onPick({ a: edge.a, b: edge.b }))
    lines.append(line)
  }

  const circles = svg('g', { class: 'nodes' })
  for (const node of nodes) {
    const { info } = node
    const isFocus = focus !== null && (info.code === focus.a || info.code === focus.b)
    const group = svg(
      'g',
      {
        class: isFocus ? 'node selected' : 'node',
        transform: `translate(${node.x ?? 0},${node.y ?? 0})`,
        'data-country': info.code,
        tabindex: 0,
        role: 'button',
        'aria-label': `${info.name}: ${info.events} events`,
      },
      svg('circle', { r: node.radius }),
      svg('text', { y: node.radius + 12, 'text-anchor': 'middle' }, info.code),
      svg('title', {}, `${info.name}: ${info.events} events`),
    )
    onActivate(group, () => onPick({ a: info.code, b: null }))
    circles.append(group)
  }
  picture.append(lines, circles)
  setChildren(box, picture)
}

/** Blue when all events are cooperative, red when all are conflictual, purple between. */
function edgeColor(edge: NetworkEdge): string {
  const share = edge.total === 0 ? 0 : edge.conflictual / edge.total
  const mix = (from: number, to: number) => Math.round(from + (to - from) * share)
  return `rgb(${mix(42, 214)},${mix(122, 40)},${mix(176, 40)})`
}

function edgeTitle(edge: NetworkEdge): string {
  return (
    `${countryName(edge.a)} – ${countryName(edge.b)}: ${edge.total} events ` +
    `(${edge.cooperative} cooperative, ${edge.conflictual} conflictual; mean Goldstein ${edge.goldsteinMean})`
  )
}

/** Click or Enter/Space. */
function onActivate(element: Element, action: () => void): void {
  element.addEventListener('click', action)
  element.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key
    if (key === 'Enter' || key === ' ') {
      event.preventDefault()
      action()
    }
  })
}
